using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// Turns CPython positions (1-based line, 0-based column in code points) into UTF-16 offsets of a
/// <see cref="SourceText"/>. Only astral characters (surrogate pairs) make the two differ, so a text without any costs
/// one scan; a line with some gets a table built once. Positions outside the text are clamped, never thrown on: the
/// worker's decoding of the bytes may differ from the scanner's (a cookie naming a multi-byte codec).
/// </summary>
internal sealed class CodePointOffsets
{
    private readonly SourceText text;
    private readonly bool hasSurrogates;
    private readonly Dictionary<int, int[]?> lineTables = new();

    public CodePointOffsets(SourceText text)
    {
        this.text = text;
        hasSurrogates = text.Text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
    }

    public int Offset(int line, int column)
    {
        if (line < 1)
            return 0;
        var start = text.LineStart(line);
        var end = Math.Max(start, text.LineEnd(line));
        if (column <= 0)
            return start;
        if (!hasSurrogates)
            return (int)Math.Min((long)start + column, end);

        var table = Table(line, start, end);
        if (table is null)
            return (int)Math.Min((long)start + column, end);
        return column < table.Length ? start + table[column] : end;
    }

    /// <summary>UTF-16 offset (from the line start) of each code point of a line and of its end; null when the line has no pair.</summary>
    private int[]? Table(int line, int start, int end)
    {
        if (lineTables.TryGetValue(line, out var cached))
            return cached;

        var chars = text.Text.AsSpan(start, end - start);
        int[]? table = null;
        if (chars.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
        {
            var offsets = new List<int>(chars.Length + 1);
            for (var i = 0; i < chars.Length; i++)
            {
                offsets.Add(i);
                if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                    i++;
            }

            offsets.Add(chars.Length);
            table = offsets.ToArray();
        }

        lineTables[line] = table;
        return table;
    }
}
