using System.Text.RegularExpressions;
using Consolidate.Analyzers.Configuration;

namespace Consolidate.Analyzers.Rules.Terms;

/// <summary>
/// Finds a banned term as a whole word in a piece of text (a comment, a string, an identifier, a line of prose).
/// Words are runs of letters and digits, and identifiers split further at underscores and case changes, so
/// <c>build_conceptual_model</c>, <c>ConceptualPlanner</c> and <c>CONCEPTUAL_MODE</c> match while
/// <c>preconceptualize</c> and <c>conceptualization</c> do not. URLs are never looked into. The replacement keeps the
/// case form: lower, UPPER or Capitalized; any other mix gets the replacement as configured.
/// </summary>
public static partial class TermMatcher
{
    private const string UrlPatternText = @"\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s'""<>)\]]*|\bwww\.[^\s'""<>)\]]+";

#if NET
    [GeneratedRegex(UrlPatternText, RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
#else
    // netstandard2.0 (the analyzer package) has no regex source generator.
    private static readonly Regex UrlRegex = new(UrlPatternText, RegexOptions.CultureInvariant);

    private static Regex UrlPattern() => UrlRegex;
#endif

    public static IEnumerable<TermMatch> Find(string text, int offset, int length, TermRule term)
    {
        var end = offset + length;
        if (text.AsSpan(offset, length).IndexOf(term.Term, StringComparison.OrdinalIgnoreCase) < 0)
            yield break;

        var urls = UrlPattern().Matches(text.Substring(offset, length)).Select(m => (Start: offset + m.Index, End: offset + m.Index + m.Length)).ToList();
        var i = offset;
        while (i < end)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var runStart = i;
            while (i < end && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                i++;
            if (urls.Any(u => runStart >= u.Start && runStart < u.End))
                continue;
            foreach (var (partStart, partLength) in Parts(text, runStart, i))
            {
                if (partLength == term.Term.Length && string.Compare(text, partStart, term.Term, 0, partLength, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    var found = text.Substring(partStart, partLength);
                    yield return new TermMatch(partStart, partLength, found, PreserveCase(found, term.Replacement));
                }
            }
        }
    }

    /// <summary>The word parts of a run [start, end): split at '_' and at case changes (fooBar, HTTPServer, v2Api).</summary>
    internal static IEnumerable<(int Start, int Length)> Parts(string text, int start, int end)
    {
        var partStart = start;
        for (var i = start; i <= end; i++)
        {
            var boundary = i == end || text[i] == '_';
            if (!boundary && i > partStart)
            {
                var previous = text[i - 1];
                var current = text[i];
                boundary = (char.IsLower(previous) && char.IsUpper(current))
                    || (char.IsUpper(previous) && char.IsUpper(current) && i + 1 < end && char.IsLower(text[i + 1]))
                    || (char.IsLetter(previous) != char.IsLetter(current));
            }

            if (!boundary)
                continue;
            if (i > partStart)
                yield return (partStart, i - partStart);
            partStart = i < end && text[i] == '_' ? i + 1 : i;
        }
    }

    public static string PreserveCase(string found, string replacement)
    {
        if (found.All(c => !char.IsLetter(c) || char.IsLower(c)))
            return replacement.ToLowerInvariant();
        if (found.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            return replacement.ToUpperInvariant();
        if (char.IsUpper(found[0]) && found.Skip(1).All(c => !char.IsLetter(c) || char.IsLower(c)))
            return char.ToUpperInvariant(replacement[0]) + replacement[1..].ToLowerInvariant();
        return replacement;
    }
}
