using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Dockerfile;

/// <summary>
/// Splits Dockerfile arguments into words the way BuildKit's <c>parseWords</c> does (whitespace outside quotes ends a
/// word, the escape character escapes the next character outside single quotes) and classes their pieces: variable
/// references (<c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-default}</c>) outside single quotes are identifiers, the rest
/// of a word is a literal.
/// </summary>
internal static class DockerfileWords
{
    /// <summary>The words of text[start..end] as (start, end) ranges.</summary>
    public static List<(int Start, int End)> Split(string text, int start, int end, char escape)
    {
        var words = new List<(int, int)>();
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
            while (i < end)
            {
                var c = text[i];
                if (quote == '\0' && char.IsWhiteSpace(c))
                    break;
                if (c == escape && quote != '\'' && i + 1 < end)
                {
                    i += 2;
                    continue;
                }

                if (quote == '\0' && c is '"' or '\'')
                    quote = c;
                else if (c == quote)
                    quote = '\0';
                i++;
            }

            words.Add((wordStart, i));
        }

        return words;
    }

    /// <summary>The pieces of one word: literal runs and variable references, in order, covering the word.</summary>
    public static IEnumerable<(TokenKind Kind, int Start, int End)> Pieces(string text, int start, int end, char escape)
    {
        var literalStart = start;
        var quote = '\0';
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c == escape && quote != '\'' && i + 1 < end)
            {
                i += 2;
                continue;
            }

            if (quote == '\0' && c is '"' or '\'')
            {
                quote = c;
                i++;
                continue;
            }

            if (c == quote)
            {
                quote = '\0';
                i++;
                continue;
            }

            if (c == '$' && quote != '\'')
            {
                var referenceEnd = ReferenceEnd(text, i, end);
                if (referenceEnd > i)
                {
                    if (i > literalStart)
                        yield return (TokenKind.Literal, literalStart, i);
                    yield return (TokenKind.Identifier, i, referenceEnd);
                    literalStart = i = referenceEnd;
                    continue;
                }
            }

            i++;
        }

        if (end > literalStart)
            yield return (TokenKind.Literal, literalStart, end);
    }

    /// <summary>The end of a variable reference starting with '$' at <paramref name="dollar"/>, or <paramref name="dollar"/> when there is none.</summary>
    public static int ReferenceEnd(string text, int dollar, int end)
    {
        var i = dollar + 1;
        if (i >= end)
            return dollar;
        if (text[i] == '{')
        {
            if (i + 1 >= end || !IsNameStart(text[i + 1]))
                return dollar;
            var depth = 0;
            for (var j = i; j < end; j++)
            {
                if (text[j] == '{')
                    depth++;
                else if (text[j] == '}' && --depth == 0)
                    return j + 1;
            }

            return dollar;
        }

        if (!IsNameStart(text[i]))
            return dollar;
        while (i < end && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
            i++;
        return i;
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';
}
