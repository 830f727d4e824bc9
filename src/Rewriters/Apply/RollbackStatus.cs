namespace Consolidate.Rewriters.Apply;

/// <summary>How a rollback ended.</summary>
public enum RollbackStatus
{
    /// <summary>Every touched file is back, byte for byte and mode for mode; the checkpoint is <c>rolled-back</c>.</summary>
    RolledBack,

    /// <summary>Nothing was changed: no such checkpoint, already rolled back, or files changed after the apply (without --force).</summary>
    Refused,

    /// <summary>Restoring failed part-way; the checkpoint keeps its state and running rollback again continues.</summary>
    Failed,
}
