using System.Collections.Immutable;

namespace Consolidate.Analyzers.Model;

/// <summary>
/// A file's decoded text with a line index: turns offsets into lines and columns and back. Line breaks are
/// "\n", "\r\n" and a lone "\r"; a line's text excludes its break.
/// <para>A text read from plain UTF-8 is kept as its bytes (<c>FromUtf8</c>, <see cref="FromAscii"/>): mostly ASCII,
/// they take half the memory of the string, which a scan holds for every file until the report is written, and most
/// texts are never read whole (a file no frontend parses is only searched). Nothing is decoded until someone asks
/// for <see cref="Text"/>, which then keeps the string only while someone holds it; the line index and the length
/// come from the bytes (for ASCII, byte offsets are the offsets).</para>
/// </summary>
public sealed class SourceText
{
    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private ImmutableArray<int> lineStarts;
    private readonly string? text;
    private readonly byte[]? utf8;
    private readonly int length;
    private readonly bool asciiBytes;
    private WeakReference<string>? decoded;

    public SourceText(string text)
    {
        this.text = text;
        length = text.Length;
        lineStarts = LineStarts(text.AsSpan(), '\r', '\n').ToImmutable();
    }

    /// <summary>A text kept as its bytes: ASCII (offsets are byte offsets) or valid UTF-8 without a BOM (length counted from the bytes).</summary>
    private SourceText(byte[] bytes, bool ascii)
    {
        utf8 = bytes;
        asciiBytes = ascii;
        length = ascii ? bytes.Length : Utf8.GetCharCount(bytes);
    }

    /// <summary>A text of ASCII bytes (the caller checked), kept as those bytes and decoded only when asked.</summary>
    public static SourceText FromAscii(byte[] bytes) => new(bytes, ascii: true);

    /// <summary>
    /// A text of valid UTF-8 bytes without a BOM (the caller checked), kept as those bytes and decoded only when asked:
    /// its length and line index are counted from the bytes (a line break is one byte, never part of another character).
    /// </summary>
    public static SourceText FromUtf8(byte[] bytes) => new(bytes, ascii: false);

    /// <summary>
    /// Where each line starts, as offsets into characters or bytes. Line breaks are \n, \r\n and a lone \r; IndexOfAny
    /// skips the text between them a vector at a time.
    /// </summary>
    private static ImmutableArray<int>.Builder LineStarts<T>(ReadOnlySpan<T> text, T carriageReturn, T lineFeed)
        where T : IEquatable<T>
    {
        var starts = ImmutableArray.CreateBuilder<int>();
        starts.Add(0);
        for (var offset = 0; ;)
        {
            var found = text.Slice(offset).IndexOfAny(carriageReturn, lineFeed);
            if (found < 0)
                break;
            var at = offset + found;
            if (text[at].Equals(carriageReturn) && at + 1 < text.Length && text[at + 1].Equals(lineFeed))
                at++;
            offset = at + 1;
            starts.Add(offset);
        }

        return starts;
    }

    /// <summary>
    /// The line starts of a text kept as bytes: the byte offsets of the breaks, which for UTF-8 are then turned into
    /// character offsets by counting each line's characters.
    /// </summary>
    private static ImmutableArray<int> ByteLineStarts(byte[] bytes, bool ascii)
    {
        var starts = LineStarts<byte>(bytes, (byte)'\r', (byte)'\n');
        if (!ascii)
        {
            for (int i = 1, previous = 0, chars = 0; i < starts.Count; i++)
            {
                chars += Utf8.GetCharCount(bytes, previous, starts[i] - previous);
                previous = starts[i];
                starts[i] = chars;
            }
        }

        return starts.ToImmutable();
    }

    public string Text
    {
        get
        {
            if (text is not null)
                return text;
            if (decoded is not null && decoded.TryGetTarget(out var value))
                return value;
            value = Utf8.GetString(utf8!);
            // Two threads may decode at once; either string is the text, and the reference only saves work.
            if (decoded is null)
                decoded = new WeakReference<string>(value);
            else
                decoded.SetTarget(value);
            return value;
        }
    }

    /// <summary>The text's length in UTF-16 code units, without decoding it.</summary>
    public int Length => length;

    /// <summary>
    /// Where each line starts. A text kept as bytes works them out on first use (most files are never asked for a line):
    /// threads may race to do it, and every result is the same, published whole.
    /// </summary>
    private ImmutableArray<int> Starts
    {
        get
        {
            var starts = lineStarts;
            if (!starts.IsDefault)
                return starts;
            starts = ByteLineStarts(utf8!, asciiBytes);
            lineStarts = starts;
            return starts;
        }
    }

    /// <summary>Number of lines as an editor counts them: a final line break does not start a new line.</summary>
    public int LineCount => length == 0 ? 0 : Starts[^1] == length ? Starts.Length - 1 : Starts.Length;

    /// <summary>Offset of the first character of a 1-based line (clamped to the text).</summary>
    public int LineStart(int line)
    {
        if (line <= 1)
            return 0;
        var starts = Starts;
        return line > starts.Length ? length : starts[line - 1];
    }

    /// <summary>Offset just past the last character of a 1-based line, before its line break.</summary>
    public int LineEnd(int line)
    {
        var starts = Starts;
        var next = line >= starts.Length ? length : starts[line];
        var end = next;
        if (end > LineStart(line) && end <= length && line < starts.Length)
        {
            if (asciiBytes)
            {
                // The bytes are the characters: no need to decode the whole text for one line's end.
                if (end >= 1 && utf8![end - 1] == (byte)'\n')
                    end--;
                if (end >= 1 && end > LineStart(line) && utf8![end - 1] == (byte)'\r')
                    end--;
                return end;
            }

            var chars = Text;
            if (end >= 1 && chars[end - 1] == '\n')
                end--;
            if (end >= 1 && end > LineStart(line) && chars[end - 1] == '\r')
                end--;
        }

        return end;
    }

    /// <summary>A line's text without its break; a text kept as ASCII bytes gives the line without decoding the rest.</summary>
    public string LineText(int line)
    {
        var start = LineStart(line);
        var end = LineEnd(line);
        return asciiBytes ? System.Text.Encoding.ASCII.GetString(utf8!, start, end - start) : Text.Substring(start, end - start);
    }

    /// <summary>
    /// Whether the text contains <paramref name="value"/> (ordinal). A text kept as bytes is searched in its bytes when
    /// the value is ASCII, without decoding it: the bytes are plain UTF-8, where an ASCII byte is never part of another
    /// character.
    /// </summary>
    public bool Contains(string value)
    {
        if (text is null && utf8 is not null && value.Length <= 256 && IsAscii(value))
        {
            Span<byte> needle = stackalloc byte[value.Length];
            for (var i = 0; i < value.Length; i++)
                needle[i] = (byte)value[i];
            return utf8.AsSpan().IndexOf(needle) >= 0;
        }

        return Text.IndexOf(value, StringComparison.Ordinal) >= 0;
    }

    private static bool IsAscii(string value)
    {
        foreach (var c in value)
        {
            if (c >= 0x80)
                return false;
        }

        return true;
    }

    /// <summary>1-based line of an offset.</summary>
    public int LineOf(int offset)
    {
        var index = Starts.BinarySearch(Math.Clamp(offset, 0, length));
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>Offset of a 1-based line and 1-based UTF-16 column.</summary>
    public int Offset(int line, int column) => Math.Clamp(LineStart(line) + column - 1, 0, length);

    /// <summary>A span from two offsets (end exclusive).</summary>
    public SourceSpan Span(int start, int end)
    {
        start = Math.Clamp(start, 0, length);
        end = Math.Clamp(end, start, length);
        var startLine = LineOf(start);
        var endLine = LineOf(end);
        return new SourceSpan(start, end - start, startLine, start - LineStart(startLine) + 1, endLine, end - LineStart(endLine) + 1);
    }

    /// <summary>The span of whole lines first..last (1-based, inclusive), without the last line's break.</summary>
    public SourceSpan LinesSpan(int first, int last) => Span(LineStart(first), LineEnd(Math.Max(first, last)));

    public string Slice(SourceSpan span) => Text.Substring(span.Start, span.Length);
}
