using System.Text;

namespace Consolidate.Rewriters.Patches;

/// <summary>
/// Turns a file's decoded text plus edits back into bytes in the file's own encoding: UTF-8 with or without a BOM,
/// UTF-16 with its BOM, or Latin-1 where the scanner fell back to it. Before editing it checks that encoding the
/// scanned text gives the bytes on disk again, so offsets mean the same thing and nothing else in the file moves.
/// </summary>
public static class FileContents
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The edited bytes, or null and the reason when the file on disk is not the scanned text byte for byte.</summary>
    public static (byte[]? Bytes, string? Problem) Apply(byte[] original, string scannedText, IReadOnlyList<TextEdit> edits)
    {
        var (preamble, encoding) = Detect(original);
        var again = Concat(preamble, encoding.GetBytes(scannedText));
        if (!again.AsSpan().SequenceEqual(original))
            return (null, "the file on disk differs from what was scanned (changed since, or its encoding does not round-trip); rerun the scan");

        var builder = new StringBuilder(scannedText.Length);
        var at = 0;
        foreach (var edit in edits.OrderBy(e => e.Start))
        {
            if (edit.Start < at || edit.End > scannedText.Length)
                throw new InvalidOperationException($"edit at {edit.Start} overlaps or runs past the text");
            builder.Append(scannedText, at, edit.Start - at).Append(edit.Replacement);
            at = edit.End;
        }

        builder.Append(scannedText, at, scannedText.Length - at);
        var edited = builder.ToString();
        if (encoding.CodePage == 28591 && edited.Any(c => c > 0xFF))
            return (null, "the file is Latin-1 and the replacement has characters Latin-1 cannot hold");
        return (Concat(preamble, encoding.GetBytes(edited)), null);
    }

    /// <summary>Content of a new file: UTF-8 without a BOM, as the rewriter wrote it.</summary>
    public static byte[] New(string content) => new UTF8Encoding(false).GetBytes(content);

    private static (byte[] Preamble, Encoding Encoding) Detect(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(Utf8Bom))
            return (Utf8Bom, new UTF8Encoding(false));
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return ([0xFF, 0xFE], new UnicodeEncoding(bigEndian: false, byteOrderMark: false));
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return ([0xFE, 0xFF], new UnicodeEncoding(bigEndian: true, byteOrderMark: false));
        return System.Text.Unicode.Utf8.IsValid(bytes) ? ([], new UTF8Encoding(false)) : ([], Encoding.Latin1);
    }

    private static byte[] Concat(byte[] a, byte[] b)
    {
        if (a.Length == 0)
            return b;
        var result = new byte[a.Length + b.Length];
        a.CopyTo(result, 0);
        b.CopyTo(result, a.Length);
        return result;
    }
}
