namespace Consolidate.Rewriters.Apply;

/// <summary>
/// One path an apply touches, as recorded before the first change: whether it existed, its mode (octal, e.g.
/// <c>0755</c>), the sha256 of its bytes and the checkpoint file holding them (<c>files/NNNN</c>, relative to the
/// checkpoint folder), and what the apply leaves there (exists, sha256), which rollback compares against.
/// </summary>
public sealed record CheckpointFile(
    string Path,
    bool ExistedBefore,
    string? Mode,
    string? Sha256,
    string? Original,
    bool ExistsAfter,
    string? AfterSha256);
