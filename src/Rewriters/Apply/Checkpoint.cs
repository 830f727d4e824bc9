using System.Collections.Immutable;
using Consolidate.Rewriters.Validation;

namespace Consolidate.Rewriters.Apply;

/// <summary>
/// <c>REPO/.consolidate/checkpoints/&lt;Id&gt;/checkpoint.json</c> (schema version 1): written and flushed before an apply
/// changes anything, rewritten (atomically) as its <see cref="State"/> moves on. <see cref="Id"/> is the UTC time plus a
/// short random suffix, so ids sort by age. <see cref="PatchSet"/> is the patch-set folder (absolute; a copy of its
/// manifest and of the patches applied is kept in the checkpoint's <c>patchset/</c>), <see cref="Patches"/> the patch
/// files applied, in order. <see cref="Checks"/> are the re-validation's checks after the change (empty until then, or
/// when the apply ran without validation). <see cref="Reason"/> says why an apply was rolled back automatically.
/// </summary>
public sealed record Checkpoint(
    int SchemaVersion,
    string Id,
    CheckpointState State,
    string CreatedUtc,
    string PatchSet,
    ImmutableArray<string> Patches,
    ImmutableArray<CheckpointFile> Files,
    ImmutableArray<CheckpointDirectory> CreatedDirectories,
    ImmutableArray<CheckpointDirectory> RemovedDirectories,
    ImmutableArray<Check> Checks,
    string? Reason);
