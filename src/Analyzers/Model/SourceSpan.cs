namespace Consolidate.Analyzers.Model;

/// <summary>
/// A range of a file's decoded text. <see cref="Start"/> and <see cref="Length"/> are UTF-16 offsets into
/// <see cref="SourceText.Text"/>; lines and columns are 1-based, the end column exclusive, so a span that ends at the
/// end of line 3 has EndLine 3 and EndColumn one past its last character.
/// </summary>
public readonly record struct SourceSpan(int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public int End => Start + Length;

    public static SourceSpan Empty => new(0, 0, 1, 1, 1, 1);

    public bool Contains(SourceSpan other) => other.Start >= Start && other.End <= End;

    public override string ToString() => $"{StartLine}:{StartColumn}-{EndLine}:{EndColumn}";
}
