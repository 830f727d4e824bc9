namespace Consolidate.Analyzers.Scanning;

/// <summary>
/// git's wildmatch with WM_PATHNAME: <c>*</c> and <c>?</c> never match '/', <c>**</c> between slashes (or at either
/// end) matches any number of directories, <c>[...]</c> classes with ranges and <c>!</c>/<c>^</c> negation, and
/// backslash escapes. Used for .gitignore patterns and for <c>exclude:</c> globs, so both mean what git means.
/// </summary>
public static class Wildmatch
{
    public static bool IsMatch(string pattern, string text) => Match(pattern, 0, text, 0);

    public static bool IsMatch(string pattern, ReadOnlySpan<char> text) => Match(pattern, 0, text, 0);

    private static bool Match(string p, int pi, ReadOnlySpan<char> t, int ti)
    {
        while (pi < p.Length)
        {
            var c = p[pi];
            switch (c)
            {
                case '?':
                    if (ti >= t.Length || t[ti] == '/')
                        return false;
                    pi++;
                    ti++;
                    break;

                case '*':
                {
                    var starStart = pi;
                    while (pi < p.Length && p[pi] == '*')
                        pi++;
                    var isDoubleStar = pi - starStart >= 2
                        && (starStart == 0 || p[starStart - 1] == '/')
                        && (pi == p.Length || p[pi] == '/');
                    if (isDoubleStar)
                    {
                        if (pi == p.Length)
                            return true;

                        // "**/" matches zero or more leading directories.
                        var rest = pi + 1;
                        if (Match(p, rest, t, ti))
                            return true;
                        for (var i = ti; i < t.Length; i++)
                        {
                            if (t[i] == '/' && Match(p, rest, t, i + 1))
                                return true;
                        }

                        return false;
                    }

                    if (pi == p.Length)
                        return t[ti..].IndexOf('/') < 0;
                    for (var i = ti; i <= t.Length; i++)
                    {
                        if (Match(p, pi, t, i))
                            return true;
                        if (i < t.Length && t[i] == '/')
                            return false;
                    }

                    return false;
                }

                case '[':
                {
                    if (ti >= t.Length || t[ti] == '/')
                        return false;
                    if (!MatchClass(p, ref pi, t[ti], out var classMatched))
                    {
                        // An unterminated class is a literal '['.
                        if (t[ti] != '[')
                            return false;
                        pi++;
                        ti++;
                        break;
                    }

                    if (!classMatched)
                        return false;
                    ti++;
                    break;
                }

                case '\\' when pi + 1 < p.Length:
                    if (ti >= t.Length || t[ti] != p[pi + 1])
                        return false;
                    pi += 2;
                    ti++;
                    break;

                default:
                    if (ti >= t.Length || t[ti] != c)
                        return false;
                    pi++;
                    ti++;
                    break;
            }
        }

        return ti == t.Length;
    }

    /// <summary>Parses the class at p[pi] == '['; false when it is unterminated (pi unchanged).</summary>
    private static bool MatchClass(string p, ref int pi, char ch, out bool matched)
    {
        var i = pi + 1;
        var negate = i < p.Length && (p[i] == '!' || p[i] == '^');
        if (negate)
            i++;
        var found = false;
        var first = true;
        while (i < p.Length && (p[i] != ']' || first))
        {
            first = false;
            var lo = p[i];
            if (lo == '\\' && i + 1 < p.Length)
                lo = p[++i];
            else if (lo == '[' && i + 1 < p.Length && p[i + 1] == ':')
            {
                var close = p.IndexOf(":]", i + 2, StringComparison.Ordinal);
                if (close > 0)
                {
                    found |= MatchNamedClass(p.Substring(i + 2, close - i - 2), ch);
                    i = close + 2;
                    continue;
                }
            }

            if (i + 2 < p.Length && p[i + 1] == '-' && p[i + 2] != ']')
            {
                var hi = p[i + 2];
                if (hi == '\\' && i + 3 < p.Length)
                {
                    hi = p[i + 3];
                    i++;
                }

                found |= ch >= lo && ch <= hi;
                i += 3;
            }
            else
            {
                found |= ch == lo;
                i++;
            }
        }

        if (i >= p.Length)
        {
            matched = false;
            return false;
        }

        pi = i + 1;
        matched = found != negate;
        return true;
    }

    private static bool MatchNamedClass(string name, char ch) => name switch
    {
        "alnum" => char.IsAsciiLetterOrDigit(ch),
        "alpha" => char.IsAsciiLetter(ch),
        "digit" => char.IsAsciiDigit(ch),
        "lower" => char.IsAsciiLetterLower(ch),
        "upper" => char.IsAsciiLetterUpper(ch),
        "space" => ch is ' ' or '\t' or '\n' or '\r' or '\f' or '\v',
        "xdigit" => char.IsAsciiHexDigit(ch),
        "punct" => char.IsAsciiLetterOrDigit(ch) is false && ch > ' ' && ch < 127,
        "blank" => ch is ' ' or '\t',
        _ => false,
    };
}
