using System.Text;

namespace Consolidate.Analyzers.Frontends.Dockerfile;

/// <summary>
/// A heredoc opener in RUN, COPY or ADD arguments: a word <c>[fd]&lt;&lt;[-]NAME</c>, found as BuildKit finds it (the
/// words of the line split with quotes kept, matched against <c>^(\d*)&lt;&lt;(-?)([^&lt;]*)$</c>). The name is
/// unquoted; <see cref="Quoted"/> is true when quotes were removed (the body is not expanded).
/// </summary>
internal sealed record HeredocMarker(string Name, bool StripTabs, bool Quoted, int Start, int End)
{
    public static List<HeredocMarker> Find(string text, int start, int end)
    {
        var markers = new List<HeredocMarker>();
        var i = start;
        while (i < end)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var wordStart = i;
            var quote = '\0';
            while (i < end && (quote != '\0' || !char.IsWhiteSpace(text[i])))
            {
                var c = text[i];
                if (c == '\\' && quote != '\'' && i + 1 < end)
                    i++;
                else if (quote == '\0' && c is '"' or '\'')
                    quote = c;
                else if (c == quote)
                    quote = '\0';
                i++;
            }

            if (Match(text, wordStart, i) is { } marker)
                markers.Add(marker);
        }

        return markers;
    }

    private static HeredocMarker? Match(string text, int start, int end)
    {
        var i = start;
        while (i < end && char.IsAsciiDigit(text[i]))
            i++;
        if (i + 2 > end || text[i] != '<' || text[i + 1] != '<')
            return null;
        i += 2;
        var stripTabs = i < end && text[i] == '-';
        if (stripTabs)
            i++;
        var rest = text.AsSpan(i, end - i);
        if (rest.IsEmpty || rest.Contains('<'))
            return null;
        var name = Unquote(rest);
        if (string.IsNullOrEmpty(name))
            return null;
        var quoted = CountQuotes(name) != CountQuotes(rest);
        return new HeredocMarker(name, stripTabs, quoted, start, end);
    }

    /// <summary>The word with quotes and escapes removed; null when a quote is not closed.</summary>
    private static string? Unquote(ReadOnlySpan<char> word)
    {
        var result = new StringBuilder();
        var quote = '\0';
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (quote != '\'' && c == '\\' && i + 1 < word.Length)
            {
                result.Append(word[++i]);
                continue;
            }

            if (quote == '\0' && c is '"' or '\'')
                quote = c;
            else if (c == quote)
                quote = '\0';
            else
                result.Append(c);
        }

        return quote == '\0' ? result.ToString() : null;
    }

    private static int CountQuotes(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
            if (c is '"' or '\'')
                count++;
        return count;
    }
}
