namespace Consolidate.Analyzers.Clones;

/// <summary>
/// One statement (or block, or Dockerfile instruction) of a body, as statement-run detection sees it: its hashes,
/// its full token count (equal for renamed-equal statements, so seed windows line up), its non-boilerplate size and
/// lines. <see cref="Segment"/> numbers the maximal sequences of sibling statements within the file.
/// </summary>
internal readonly record struct StatementElement(
    int TokenStart,
    int TokenEnd,
    ulong Exact,
    ulong Renamed,
    int CodeTokens,
    int CodeLines,
    int FirstCodeLine,
    int LastCodeLine,
    int StartLine,
    int EndLine,
    int Segment,
    string? Symbol)
{
    public int Tokens => TokenEnd - TokenStart;
}
