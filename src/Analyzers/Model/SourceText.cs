using System.Collections.Immutable;

namespace Consolidate.Analyzers.Model;

/// <summary>
/// A file's decoded text with a line index: turns offsets into lines and columns and back. Line breaks are
/// "\n", "\r\n" and a lone "\r"; a line's text excludes its break.
/// </summary>
public sealed class SourceText
{
    private readonly ImmutableArray<int> lineStarts;

    public SourceText(string text)
    {
        Text = text;
        var starts = ImmutableArray.CreateBuilder<int>();
        starts.Add(0);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        lineStarts = starts.ToImmutable();
    }

    public string Text { get; }

    /// <summary>Number of lines as an editor counts them: a final line break does not start a new line.</summary>
    public int LineCount => Text.Length == 0 ? 0 : lineStarts[^1] == Text.Length ? lineStarts.Length - 1 : lineStarts.Length;

    /// <summary>Offset of the first character of a 1-based line (clamped to the text).</summary>
    public int LineStart(int line)
    {
        if (line <= 1)
            return 0;
        return line > lineStarts.Length ? Text.Length : lineStarts[line - 1];
    }

    /// <summary>Offset just past the last character of a 1-based line, before its line break.</summary>
    public int LineEnd(int line)
    {
        var next = line >= lineStarts.Length ? Text.Length : lineStarts[line];
        var end = next;
        if (end > LineStart(line) && end <= Text.Length && line < lineStarts.Length)
        {
            if (end >= 1 && Text[end - 1] == '\n')
                end--;
            if (end >= 1 && end > LineStart(line) && Text[end - 1] == '\r')
                end--;
        }

        return end;
    }

    public string LineText(int line) => Text.Substring(LineStart(line), LineEnd(line) - LineStart(line));

    /// <summary>1-based line of an offset.</summary>
    public int LineOf(int offset)
    {
        var index = lineStarts.BinarySearch(Math.Clamp(offset, 0, Text.Length));
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>Offset of a 1-based line and 1-based UTF-16 column.</summary>
    public int Offset(int line, int column) => Math.Clamp(LineStart(line) + column - 1, 0, Text.Length);

    /// <summary>A span from two offsets (end exclusive).</summary>
    public SourceSpan Span(int start, int end)
    {
        start = Math.Clamp(start, 0, Text.Length);
        end = Math.Clamp(end, start, Text.Length);
        var startLine = LineOf(start);
        var endLine = LineOf(end);
        return new SourceSpan(start, end - start, startLine, start - LineStart(startLine) + 1, endLine, end - LineStart(endLine) + 1);
    }

    /// <summary>The span of whole lines first..last (1-based, inclusive), without the last line's break.</summary>
    public SourceSpan LinesSpan(int first, int last) => Span(LineStart(first), LineEnd(Math.Max(first, last)));

    public string Slice(SourceSpan span) => Text.Substring(span.Start, span.Length);
}
