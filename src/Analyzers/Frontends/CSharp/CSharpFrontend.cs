using System.Collections.Immutable;
using Consolidate.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

    /// <summary>Every name the reference graph takes from a literal (a script, Dockerfile, compose or Python file) holds one of these.</summary>
    private static readonly string[] FileNameHints = [".sh", ".bash", ".py", "dockerfile", "containerfile", "compose"];

    /// <summary>Methods whose string arguments are compared or searched for, not opened or run.</summary>
    private static readonly HashSet<string> ComparingMethods = new(StringComparer.Ordinal)
    {
        "Equals", "Equal", "NotEqual", "StartsWith", "EndsWith", "Contains", "DoesNotContain", "IndexOf", "LastIndexOf",
        "Replace", "Split", "IsMatch", "Match", "Matches", "Compare", "CompareOrdinal", "StartsWithSegments",
    };

    public Language Language => Language.CSharp;

    public ParsedSource Parse(SourceDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var source = document.Text;
        var text = source.Text;
        var root = ModelSyntaxNode.Leaf(NodeKind.File, "file", source.Span(0, text.Length));
        if (!MayNameAFile(text))
            return new ParsedSource(root, ImmutableArray<Token>.Empty, ImmutableArray<Symbol>.Empty, CSharpFacts.Empty, ImmutableArray<ParseIssue>.Empty);

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
            strings.Add(new CSharpStringLiteral(value, source.Span(token.SpanStart, token.Span.End), IsCompared(token)));
        }

        return new ParsedSource(root, ImmutableArray<Token>.Empty, ImmutableArray<Symbol>.Empty, new CSharpFacts(strings.ToImmutable()), ImmutableArray<ParseIssue>.Empty);
    }

    /// <summary>
    /// Whether the text holds a hint of a file name the graph would take, without which no literal of it can name one:
    /// most C# files have none and are not parsed at all.
    /// </summary>
    private static bool MayNameAFile(string text)
    {
        foreach (var hint in FileNameHints)
        {
            if (text.Contains(hint, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }

    /// <summary>See <see cref="CSharpStringLiteral.Compared"/>: data the code compares with, or a test case, by syntax alone.</summary>
    private static bool IsCompared(SyntaxToken token)
    {
        Microsoft.CodeAnalysis.SyntaxNode? node = token.Parent;
        var parent = node?.Parent;
        while (parent is ParenthesizedExpressionSyntax)
            parent = parent.Parent;
        if (parent is BinaryExpressionSyntax binary && (binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression)))
            return true;
        if (parent is ConstantPatternSyntax or CaseSwitchLabelSyntax)
            return true;
        if (parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
            && ComparingMethods.Contains(MethodName(invocation.Expression)))
            return true;
        return node?.Ancestors().Any(a => a is AttributeArgumentSyntax) == true;
    }

    private static string MethodName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => "",
    };
}
