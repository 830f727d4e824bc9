using System.Text;

namespace Consolidate.Analyzers.Frontends.Dockerfile;

/// <summary>
/// An instruction as Docker reads it: the pieces of its physical lines joined with the line continuations (and the
/// comment and blank lines inside them) removed. Keeps where each piece came from, so a range of the joined text maps
/// back to ranges of the document.
/// </summary>
internal sealed class LogicalLine
{
    private readonly StringBuilder builder = new();
    private readonly List<Segment> segments = [];
    private string? text;

    public string Text => text ??= builder.ToString();

    public int Length => builder.Length;

    public void Append(string document, int start, int end)
    {
        if (end <= start)
            return;
        segments.Add(new Segment(builder.Length, start, end - start));
        builder.Append(document, start, end - start);
        text = null;
    }

    /// <summary>The document offset of the character at <paramref name="logical"/> (or just past the text at its end).</summary>
    public int ToDocumentStart(int logical)
    {
        if (segments.Count == 0)
            return 0;
        foreach (var segment in segments)
        {
            if (logical < segment.Logical + segment.Length)
                return segment.Document + Math.Max(0, logical - segment.Logical);
        }

        var last = segments[^1];
        return last.Document + last.Length;
    }

    /// <summary>The document offset just past the character before <paramref name="logical"/> (an exclusive end).</summary>
    public int ToDocumentEnd(int logical)
    {
        if (segments.Count == 0)
            return 0;
        if (logical <= 0)
            return segments[0].Document;
        foreach (var segment in segments)
        {
            if (logical <= segment.Logical + segment.Length)
                return segment.Document + (logical - segment.Logical);
        }

        var last = segments[^1];
        return last.Document + last.Length;
    }

    /// <summary>The document ranges a logical range covers, one per physical piece it touches (empty pieces left out).</summary>
    public IEnumerable<(int Start, int End)> Pieces(int logicalStart, int logicalEnd)
    {
        foreach (var segment in segments)
        {
            var from = Math.Max(logicalStart, segment.Logical);
            var to = Math.Min(logicalEnd, segment.Logical + segment.Length);
            if (to > from)
                yield return (segment.Document + from - segment.Logical, segment.Document + to - segment.Logical);
        }
    }

    private readonly record struct Segment(int Logical, int Document, int Length);
}
