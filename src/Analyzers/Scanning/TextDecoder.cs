using System.Text;

namespace Consolidate.Analyzers.Scanning;

/// <summary>
/// Decodes file bytes: UTF-8 (a BOM is dropped), UTF-16 with a BOM, else Latin-1 (every byte is a character, so
/// nothing is lost) with a note naming the first invalid byte's line. Binary detection follows git: a NUL byte in the
/// first 8,000 bytes.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public const int BinarySniffLength = 8000;

    public static bool LooksBinary(ReadOnlySpan<byte> bytes) => bytes[..Math.Min(bytes.Length, BinarySniffLength)].IndexOf((byte)0) >= 0
        && !HasUtf16Bom(bytes);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (HasUtf8Bom(bytes))
            bytes = bytes[3..];
        else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return new DecodedText(Encoding.Unicode.GetString(bytes[2..]), "UTF-16 LE with BOM", false);
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return new DecodedText(Encoding.BigEndianUnicode.GetString(bytes[2..]), "UTF-16 BE with BOM", false);

        var invalidAt = Utf8InvalidOffset(bytes);
        if (invalidAt < 0)
            return new DecodedText(StrictUtf8.GetString(bytes), null, false);

        var line = 1;
        foreach (var b in bytes[..invalidAt])
        {
            if (b == (byte)'\n')
                line++;
        }

        return new DecodedText(Encoding.Latin1.GetString(bytes), $"not valid UTF-8 (byte 0x{bytes[invalidAt]:X2} on line {line}); read as Latin-1", true);
    }

    /// <summary>Valid UTF-8 without a BOM: the text is the bytes as they are, with nothing to drop, decode or recover first.</summary>
    public static bool IsPlainUtf8(ReadOnlySpan<byte> bytes) => !HasUtf8Bom(bytes) && System.Text.Unicode.Utf8.IsValid(bytes);

    private static bool HasUtf8Bom(ReadOnlySpan<byte> bytes) => bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;

    private static bool HasUtf16Bom(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));

    private static int Utf8InvalidOffset(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
            return -1;
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
                return offset;
            offset += consumed;
        }

        return -1;
    }
}
