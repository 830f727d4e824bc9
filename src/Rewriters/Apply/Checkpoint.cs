using System.Collections.Immutable;

namespace Consolidate.Rewriters.Apply;

/// <summary>
/// <c>REPO/.consolidate/checkpoints/&lt;Id&gt;/checkpoint.json</c> (schema version 1): written and flushed before an apply
/// changes anything, rewritten (atomically) as its <see cref="State"/> moves on. <see cref="Id"/> is the UTC time plus a
/// short random suffix, so ids sort by age. <see cref="PatchSet"/> is the patch-set folder (absolute), <see cref="Patches"/>
/// the patch files applied, in order. <see cref="Before"/> is the scan's record of the tree before the apply (null when
/// the apply ran without validation). <see cref="Reason"/> says why an apply was rolled back automatically.
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
    TreeRecord? Before,
    string? Reason);
