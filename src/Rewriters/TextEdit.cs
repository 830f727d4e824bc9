namespace Consolidate.Rewriters;

/// <summary>
/// Replace <see cref="Length"/> UTF-16 code units at <see cref="Start"/> of a file's decoded text with
/// <see cref="Replacement"/>. <see cref="Line"/> is the 1-based line of <see cref="Start"/>; <see cref="Note"/> says
/// what the edit is for a reviewer (and why it has its safety).
/// </summary>
public sealed record TextEdit(int Start, int Length, string Replacement, FixSafety Safety, int Line, string Note)
{
    public int End => Start + Length;
}
