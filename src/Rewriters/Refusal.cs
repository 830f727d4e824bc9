namespace Consolidate.Rewriters;

/// <summary>A change the tool decided not to make, and why (manifest <c>refused[]</c>). Nothing is dropped silently.</summary>
public sealed record Refusal(string Family, string Path, int Line, string Reason);
