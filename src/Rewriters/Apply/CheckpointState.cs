namespace Consolidate.Rewriters.Apply;

/// <summary>
/// Where a checkpoint stands (<c>in-progress</c>, <c>applied</c>, <c>rolled-back</c> in checkpoint.json):
/// <see cref="InProgress"/> is written before the first change of the tree and stays when an apply is interrupted (the
/// tree may be half changed; the next command says so and <c>rollback</c> restores it), <see cref="Applied"/> once every
/// file is in place and re-validated, <see cref="RolledBack"/> once the original files are back.
/// </summary>
public enum CheckpointState
{
    InProgress,
    Applied,
    RolledBack,
}
