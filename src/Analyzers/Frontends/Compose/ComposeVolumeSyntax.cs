using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Compose;

/// <summary>
/// The short volume syntax <c>[SOURCE:]TARGET[:MODE]</c>. A source that is a path (<c>/</c>, <c>.</c>, <c>~</c> or a
/// Windows drive) is a bind mount, a bare name is a named volume, no source is an anonymous volume; a source made of
/// a variable (<c>${DATA}</c>) is left without a type, since only interpolation tells.
/// </summary>
internal static class ComposeVolumeSyntax
{
    public static ComposeVolume Parse(string value, SourceSpan span)
    {
        var parts = Split(value.Trim());
        if (parts.Count <= 1)
            return new ComposeVolume(null, parts.Count == 0 ? null : parts[0], "volume", span);
        var source = parts[0];
        return new ComposeVolume(source, parts[1], TypeOf(source), span);
    }

    private static string? TypeOf(string source)
    {
        if (source.Length == 0)
            return null;
        if (source[0] is '/' or '.' or '~' or '\\' || IsDrive(source, 0))
            return "bind";
        return source[0] == '$' ? null : "volume";
    }

    /// <summary>Splits at ':' but keeps a Windows drive ("C:\data", "c:/data") in one part.</summary>
    private static List<string> Split(string value)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != ':' || (i == start + 1 && IsDrive(value, start)))
                continue;
            parts.Add(value[start..i]);
            start = i + 1;
        }

        parts.Add(value[start..]);
        return parts.Count == 1 && parts[0].Length == 0 ? [] : parts;
    }

    private static bool IsDrive(string value, int at) =>
        at + 2 < value.Length && char.IsAsciiLetter(value[at]) && value[at + 1] == ':' && value[at + 2] is '\\' or '/';
}
