using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Compose;

/// <summary>
/// The compose frontend: reads the services of a compose file (YamlDotNet's event parser, so every value keeps its
/// position) and classes its tokens. Safe on hostile YAML: aliases are never copied, alias bombs and deep nesting are
/// refused with issues, and a syntax error fails the file with an issue on its line. Thread-safe: each call has its own state.
/// </summary>
public sealed class ComposeFrontend : IFrontend
{
    public Language Language => Language.Compose;

    public ParsedSource Parse(SourceDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var source = document.Text;
        var issues = new List<ParseIssue>();
        var tree = new YamlTreeReader(source, issues, cancellationToken);
        tree.Read();
        var services = new ComposeServiceReader(source, issues).Read(tree.Root);
        var tokens = ComposeTokenizer.Tokenize(source, cancellationToken);

        var root = new SyntaxNode(
            NodeKind.File,
            "file",
            source.Span(0, source.Text.Length),
            null,
            services.Select(s => SyntaxNode.Leaf(NodeKind.Service, "service", s.Span, s.Name)).ToImmutableArray());
        var symbols = services.Select(s => new Symbol(SymbolKind.Service, s.Name, null, s.Span)).ToImmutableArray();
        var failed = tree.Stopped;
        var ordered = issues.OrderBy(i => i.Line).ThenBy(i => i.Column).ToImmutableArray();
        return new ParsedSource(root, tokens, symbols, new ComposeFacts(services), ordered, failed);
    }
}
