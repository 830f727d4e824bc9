using System.Collections.Immutable;
using Consolidate.Rewriters.Validation;

namespace Consolidate.Rewriters.Patches;

/// <summary>
/// Everything <c>fix</c> writes (shared/contracts/patchset.md): the patches in apply order, the baseline (sha256 of
/// every file the set touches, null for a file it creates), every refusal, and metrics before and after.
/// </summary>
public sealed record PatchSet(
    string Repo,
    ImmutableArray<PlannedPatch> Patches,
    ImmutableArray<Refusal> Refused,
    ImmutableSortedDictionary<string, string?> Baseline,
    RepositoryMetrics Before,
    RepositoryMetrics After);
