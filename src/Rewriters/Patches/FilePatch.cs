namespace Consolidate.Rewriters.Patches;

/// <summary>
/// One file's change as bytes: <see cref="Before"/> null for a new file, <see cref="After"/> null for a deleted one.
/// <see cref="Mode"/> is the git mode kept on the file (<c>100644</c> or <c>100755</c>).
/// </summary>
public sealed record FilePatch(string Path, byte[]? Before, byte[]? After, string Mode = "100644");
