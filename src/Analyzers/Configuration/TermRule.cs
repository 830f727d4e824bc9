namespace Consolidate.Analyzers.Configuration;

/// <summary>A banned term and its replacement (config <c>terms:</c>), matched as a whole word in every case form.</summary>
public sealed record TermRule(string Term, string Replacement, int Line);
