namespace Consolidate.Rewriters.Apply;

/// <summary>A folder an apply creates (for a new file) or removes (left empty by deletions, as <c>git apply</c> does), with its mode (octal) when it existed.</summary>
public sealed record CheckpointDirectory(string Path, string? Mode);
