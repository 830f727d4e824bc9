namespace Consolidate.Rewriters.Apply;

/// <summary>
/// Where a checkpoint stands: <see cref="Pending"/> is written before the first change of the tree and stays when an
/// apply is interrupted (the tree may be half changed; <c>rollback</c> restores it), <see cref="Applied"/> once every
/// file is in place, <see cref="RolledBack"/> once the original files are back.
/// </summary>
public enum CheckpointState
{
    Pending,
    Applied,
    RolledBack,
}
