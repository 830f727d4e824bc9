using System.Collections.Immutable;

namespace Consolidate.Rewriters.Apply;

/// <summary>One <c>diff --git</c> section of a patch: the repository path, what it does, the git mode of a created or deleted file, and its hunks.</summary>
public sealed record DiffFile(string Path, DiffKind Kind, string? Mode, ImmutableArray<DiffHunk> Hunks);
