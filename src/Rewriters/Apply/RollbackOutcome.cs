using System.Collections.Immutable;

namespace Consolidate.Rewriters.Apply;

/// <summary>What a rollback did: its status, the checkpoint, the files changed since the apply (refused unless forced), problems and notes.</summary>
public sealed record RollbackOutcome(
    RollbackStatus Status,
    Checkpoint? Checkpoint,
    ImmutableArray<string> ChangedSinceApply,
    ImmutableArray<string> Problems,
    ImmutableArray<string> Notes);
