namespace Consolidate.Rewriters.Apply;

/// <summary>How an apply ended.</summary>
public enum ApplyStatus
{
    /// <summary>Every file is changed and the checkpoint is <c>applied</c>.</summary>
    Applied,

    /// <summary>A check failed before anything changed; nothing was touched.</summary>
    Refused,

    /// <summary>A write failed part-way; the files already changed were restored from the checkpoint.</summary>
    FailedAndRestored,

    /// <summary>The files are changed but the re-scan found them worse; everything was restored from the checkpoint.</summary>
    ValidationFailedAndRestored,

    /// <summary>A write failed and so did restoring; the checkpoint stays <c>in-progress</c> and <c>rollback</c> restores it.</summary>
    FailedNeedsRollback,
}
