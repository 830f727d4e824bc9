using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Rules.Terms;

/// <summary>
/// Banned terms from consolidate.yml in comments, strings and identifiers of parsed files (by token), and in the
/// prose of other text files (Markdown, config). Each occurrence is reported with its case-preserving replacement.
/// </summary>
public sealed class CONS401BannedTerm : IRule
{
    public RuleDescriptor Descriptor => RuleCatalog.BannedTerm;

    public void Analyze(RuleContext context)
    {
        var terms = context.Config.Terms;
        if (terms.IsEmpty)
            return;

        foreach (var file in context.Model.Files)
        {
            // The configuration that bans the terms names them; it is not a use of them.
            if (file.Text is null || file.Status == ParseStatus.Skipped || file.Path is "consolidate.yml" or "consolidate.yaml" || file.Path == context.Config.Source)
                continue;
            var text = file.Text.Text;
            if (!terms.Any(t => text.Contains(t.Term, StringComparison.OrdinalIgnoreCase)))
                continue;

            IEnumerable<(int Start, int Length, string Where)> pieces = file.Parsed is { Tokens.IsEmpty: false } parsed
                ? parsed.Tokens.Where(t => t.Kind != TokenKind.Keyword).Select(t => (t.Span.Start, t.Span.Length, Where(t.Kind)))
                : [(0, text.Length, "text")];
            foreach (var (start, length, where) in pieces)
            {
                foreach (var term in terms)
                {
                    foreach (var match in TermMatcher.Find(text, start, length, term))
                    {
                        context.Report(file, file.Text.Span(match.Start, match.Start + match.Length),
                            $"banned term '{match.Found}' in {where}: write '{match.Replacement}' instead (consolidate.yml terms, line {term.Line})");
                    }
                }
            }
        }
    }

    private static string Where(TokenKind kind) => kind switch
    {
        TokenKind.Comment => "a comment",
        TokenKind.Identifier => "an identifier",
        _ => "a string or word",
    };
}
