using System.Collections.Immutable;

namespace Consolidate.Analyzers.Configuration;

/// <summary>A duplicate Python module to fold into <see cref="Canonical"/> (config <c>modules:</c>); Duplicates empty = found by the tool.</summary>
public sealed record ModuleRule(string Canonical, ImmutableArray<string> Duplicates, int Line);
