using System.Collections.Immutable;

namespace Consolidate.Rewriters.Apply;

/// <summary>
/// The arguments of <c>apply</c>: the repository, the patch-set folder, which patches (<see cref="Only"/>: numbers
/// like <c>01</c>, file names or family names; empty = all), and whether a dirty working tree is accepted.
/// </summary>
public sealed record ApplyRequest(string Repository, string PatchSet, ImmutableArray<string> Only, bool AllowDirty);
