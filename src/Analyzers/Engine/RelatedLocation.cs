namespace Consolidate.Analyzers.Engine;

/// <summary>Another place a finding involves (the other members of a clone class, a definition): path and 1-based lines.</summary>
public sealed record RelatedLocation(string Path, int StartLine, int EndLine, string Message);
