namespace Consolidate.Analyzers.Configuration;

/// <summary>The host the compose services share (config <c>host:</c>): memory in bytes, CPUs as a count.</summary>
public sealed record HostBudget(long? MemoryBytes, double? Cpus, int Line);
