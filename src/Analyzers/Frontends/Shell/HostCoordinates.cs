using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Shell;

/// <summary>
/// Turns offsets of a parsed snippet into spans and text of the host document it was cut from. Spans equal
/// <see cref="SourceText.Span"/>; the line of the last lookup is remembered, since consecutive spans mostly share a
/// line. One instance per parse (not thread-safe).
/// </summary>
internal sealed class HostCoordinates(SourceText host, int start)
{
    private int cachedLine;
    private int cachedLineStart = -1;
    private int cachedNextLineStart = -1;

    public SourceSpan Span(int localStart, int localEnd)
    {
        var text = host.Text;
        var from = Math.Clamp(start + localStart, 0, text.Length);
        var to = Math.Clamp(start + localEnd, from, text.Length);
        var startLine = LineOf(from);
        var startColumn = from - cachedLineStart + 1;
        var endLine = LineOf(to);
        return new SourceSpan(from, to - from, startLine, startColumn, endLine, to - cachedLineStart + 1);
    }

    public string Slice(int localStart, int localEnd) => host.Text.Substring(start + localStart, localEnd - localStart);

    public ReadOnlySpan<char> SliceSpan(int localStart, int localEnd) => host.Text.AsSpan(start + localStart, localEnd - localStart);

    /// <summary><see cref="SourceText.LineOf"/>, leaving that line's start in <see cref="cachedLineStart"/>.</summary>
    private int LineOf(int offset)
    {
        if (offset >= cachedLineStart && offset < cachedNextLineStart)
            return cachedLine;
        cachedLine = host.LineOf(offset);
        cachedLineStart = host.LineStart(cachedLine);
        cachedNextLineStart = host.LineStart(cachedLine + 1);
        if (cachedNextLineStart <= cachedLineStart)
            cachedNextLineStart = cachedLineStart;
        return cachedLine;
    }
}
