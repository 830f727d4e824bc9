using DiffPlex;

namespace Consolidate.Rewriters.Patches;

/// <summary>
/// Splits a text after each '\n' and keeps the break (and any '\r' before it) in the line, so "a\r\n", "a\n" and a last
/// "a" without a break are different lines: the diff sees bytes as git does.
/// </summary>
internal sealed class LineChunker : IChunker
{
    public static LineChunker Instance { get; } = new();

    public IReadOnlyList<string> Chunk(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n')
                continue;
            lines.Add(text.Substring(start, i + 1 - start));
            start = i + 1;
        }

        if (start < text.Length)
            lines.Add(text[start..]);
        return lines;
    }
}
