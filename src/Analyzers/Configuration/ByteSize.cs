using System.Globalization;

namespace Consolidate.Analyzers.Configuration;

/// <summary>Parses compose-style byte sizes: <c>512m</c>, <c>1g</c>, <c>1.5GB</c>, <c>23.28GiB</c>, <c>1024k</c>, plain bytes.</summary>
public static class ByteSize
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var s = text.Trim().ToLowerInvariant();
        if (s.Length == 0)
            return false;
        var split = 0;
        while (split < s.Length && (char.IsAsciiDigit(s[split]) || s[split] == '.'))
            split++;
        if (split == 0 || !double.TryParse(s[..split], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return false;
        double factor = s[split..].Trim() switch
        {
            "" or "b" => 1,
            "k" or "kb" or "kib" => 1024,
            "m" or "mb" or "mib" => 1024 * 1024,
            "g" or "gb" or "gib" => 1024L * 1024 * 1024,
            "t" or "tb" or "tib" => 1024L * 1024 * 1024 * 1024,
            _ => -1,
        };
        if (factor < 0)
            return false;
        bytes = (long)(number * factor);
        return true;
    }

    public static string Format(long bytes) => bytes >= 1024L * 1024 * 1024
        ? (bytes / (1024.0 * 1024 * 1024)).ToString("0.##", CultureInfo.InvariantCulture) + "g"
        : (bytes / (1024.0 * 1024)).ToString("0.##", CultureInfo.InvariantCulture) + "m";
}
