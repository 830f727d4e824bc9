using System.Collections.Immutable;
using Consolidate.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelSyntaxNode = Consolidate.Analyzers.Model.SyntaxNode;
using RoslynText = Microsoft.CodeAnalysis.Text.SourceText;

namespace Consolidate.Analyzers.Frontends.CSharp;

/// <summary>
/// Reads the string literals of a C# file with Roslyn's parser (syntax only: no compilation, no semantic model, nothing
/// executed), for the reference graph. It gives no tokens, tree or symbols, so C# stays what it was for the clone index
/// (whole files through <c>FallbackLexer</c>) and for banned terms (plain text), and it reports no syntax errors: the
/// compiler does that. Thread-safe: each call parses its own tree.
/// </summary>
public sealed class CSharpFrontend : IFrontend
{
    /// <summary>Literals longer than this name no path (a path segment list this long is not written by hand).</summary>
    private const int MaxLiteralLength = 259;

    private static readonly CSharpParseOptions Options = new(LanguageVersion.Preview, DocumentationMode.None);

    public Language Language => Language.CSharp;

    public ParsedSource Parse(SourceDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var source = document.Text;
        var text = source.Text;
        var tree = CSharpSyntaxTree.ParseText(RoslynText.From(text), Options, "", cancellationToken);
        var strings = ImmutableArray.CreateBuilder<CSharpStringLiteral>();
        foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                continue;
            // Only what could be a path is kept, so messages and data held in literals do not stay in the model.
            var value = token.ValueText;
            if (token.ContainsDiagnostics || value.Length is 0 or > MaxLiteralLength || value.Any(char.IsWhiteSpace))
                continue;
            strings.Add(new CSharpStringLiteral(value, source.Span(token.SpanStart, token.Span.End)));
        }

        var root = ModelSyntaxNode.Leaf(NodeKind.File, "file", source.Span(0, text.Length));
        return new ParsedSource(root, ImmutableArray<Token>.Empty, ImmutableArray<Symbol>.Empty, new CSharpFacts(strings.ToImmutable()), ImmutableArray<ParseIssue>.Empty);
    }
}
