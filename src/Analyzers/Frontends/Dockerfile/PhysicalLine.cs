namespace Consolidate.Analyzers.Frontends.Dockerfile;

/// <summary>
/// One line of the file: <see cref="Start"/> to <see cref="ContentEnd"/> is its text, <see cref="End"/> is past its
/// line break. Breaks are "\n", "\r\n" and a lone "\r", as in <see cref="Model.SourceText"/>, so line numbers agree.
/// </summary>
internal readonly record struct PhysicalLine(int Number, int Start, int ContentEnd, int End)
{
    public static List<PhysicalLine> Split(string text)
    {
        var lines = new List<PhysicalLine>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('\n' or '\r'))
                continue;
            var contentEnd = i;
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i++;
            lines.Add(new PhysicalLine(lines.Count + 1, start, contentEnd, i + 1));
            start = i + 1;
        }

        if (start < text.Length)
            lines.Add(new PhysicalLine(lines.Count + 1, start, text.Length, text.Length));
        return lines;
    }

    /// <summary>The offset of the first non-whitespace character, or <see cref="ContentEnd"/> for a blank line.</summary>
    public int FirstNonSpace(string text)
    {
        var i = Start;
        while (i < ContentEnd && char.IsWhiteSpace(text[i]))
            i++;
        return i;
    }

    /// <summary>The offset of the line break ("\n", or "\r" when the line ends with a lone "\r"), or -1 at the end of the file.</summary>
    public int BreakAt(string text) => End == ContentEnd ? -1 : text[End - 1] == '\n' ? End - 1 : ContentEnd;
}
