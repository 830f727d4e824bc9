using System.Text;

namespace Consolidate.Analyzers.Frontends.Shell;

/// <summary>
/// Maps UTF-8 byte offsets (what tree-sitter reports) of a string to its UTF-16 offsets. Only non-ASCII characters
/// are recorded, so an ASCII text costs nothing. The byte layout is that of <see cref="Encoding.UTF8"/>: a surrogate
/// pair is 4 bytes, a lone surrogate becomes U+FFFD (3 bytes).
/// </summary>
internal sealed class Utf8OffsetMap
{
    // byteEnds[k]: the byte offset just past the k-th non-ASCII character; extraBytes[k]: bytes minus chars up to there.
    private readonly int[] byteEnds;
    private readonly int[] extraBytes;
    private readonly int charCount;

    private Utf8OffsetMap(int byteCount, int charCount, int[] byteEnds, int[] extraBytes)
    {
        ByteCount = byteCount;
        this.charCount = charCount;
        this.byteEnds = byteEnds;
        this.extraBytes = extraBytes;
    }

    public int ByteCount { get; }

    public static Utf8OffsetMap For(string text)
    {
        if (Ascii.IsValid(text))
            return new Utf8OffsetMap(text.Length, text.Length, System.Array.Empty<int>(), System.Array.Empty<int>());

        var ends = new List<int>();
        var extras = new List<int>();
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                bytes++;
                continue;
            }

            if (c < 0x800)
                bytes += 2;
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                bytes += 4;
                i++;
            }
            else
                bytes += 3;

            ends.Add(bytes);
            extras.Add(bytes - (i + 1));
        }

        return new Utf8OffsetMap(bytes, text.Length, ends.ToArray(), extras.ToArray());
    }

    public int ToCharOffset(uint byteOffset)
    {
        var offset = (int)Math.Min(byteOffset, (uint)ByteCount);
        if (byteEnds.Length == 0)
            return offset;

        var index = System.Array.BinarySearch(byteEnds, offset);
        if (index < 0)
            index = ~index - 1;
        var chars = index < 0 ? offset : offset - extraBytes[index];
        return Math.Clamp(chars, 0, charCount);
    }
}
