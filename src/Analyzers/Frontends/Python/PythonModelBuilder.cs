using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// Maps a worker's reply onto the scanner's text: code-point positions become UTF-16 spans, clamped to the text and
/// to token order, so the model's promises (tokens in order and not overlapping, Text equal to the slice) hold even
/// when CPython decoded the bytes differently from the scanner. Tokens read from the scanner's text already
/// (tree-sitter's) are taken as they are.
/// </summary>
internal static class PythonModelBuilder
{
    /// <param name="tokens">The file's tokens when the caller has them; null takes the reply's (CPython's tokenize).</param>
    public static ParsedSource Build(PythonParseReply reply, SourceText text, ImmutableArray<Token>? tokens = null)
    {
        var offsets = new CodePointOffsets(text);
        var issues = ImmutableArray.CreateBuilder<ParseIssue>();
        if (reply.Error is { } error)
            issues.Add(Issue(error, text, offsets));
        foreach (var note in reply.Notes)
            issues.Add(Issue(note, text, offsets) with { IsNote = true });

        return new ParsedSource(
            Tree(reply.Nodes, text, offsets),
            tokens ?? Tokens(reply.Tokens ?? ImmutableArray<WireToken>.Empty, text, offsets),
            reply.Symbols.Select(s => new Symbol(s.Kind, s.Name, s.Container, Span(s.Span, text, offsets))).ToImmutableArray(),
            reply.Ok ? Facts(reply, text, offsets) : null,
            issues.ToImmutable());
    }

    /// <summary>An empty file: nothing to ask CPython (ast.parse accepts it), and no worker needed.</summary>
    public static ParsedSource Empty(SourceText text) => new(
        SyntaxNode.Leaf(NodeKind.File, "Module", text.Span(0, text.Text.Length)),
        ImmutableArray<Token>.Empty,
        ImmutableArray<Symbol>.Empty,
        new PythonFacts(ImmutableArray<PythonImport>.Empty, ImmutableArray<string>.Empty),
        ImmutableArray<ParseIssue>.Empty);

    private static ImmutableArray<Token> Tokens(ImmutableArray<WireToken> wire, SourceText text, CodePointOffsets offsets)
    {
        var tokens = ImmutableArray.CreateBuilder<Token>(wire.Length);
        var previousEnd = 0;
        foreach (var token in wire)
        {
            var start = offsets.Offset(token.Span.StartLine, token.Span.StartColumn);
            var end = offsets.Offset(token.Span.EndLine, token.Span.EndColumn);
            if (start < previousEnd || end <= start)
                continue;
            tokens.Add(new Token(token.Kind, text.Text.Substring(start, end - start), text.Span(start, end)));
            previousEnd = end;
        }

        return tokens.ToImmutable();
    }

    private static SyntaxNode Tree(ImmutableArray<WireNode> nodes, SourceText text, CodePointOffsets offsets)
    {
        var whole = text.Span(0, text.Text.Length);
        if (nodes.IsDefaultOrEmpty)
            return SyntaxNode.Leaf(NodeKind.File, "Module", whole);

        // Parents come before children (pre-order), so building from the last node up needs no recursion: every
        // child of node i has an index above i and is finished when i is built.
        var children = new List<int>?[nodes.Length];
        for (var i = 1; i < nodes.Length; i++)
            (children[nodes[i].Parent] ??= []).Add(i);

        var built = new SyntaxNode[nodes.Length];
        for (var i = nodes.Length - 1; i >= 0; i--)
        {
            var node = nodes[i];
            var kids = children[i] is { } list ? list.Select(c => built[c]).ToImmutableArray() : ImmutableArray<SyntaxNode>.Empty;
            var span = i == 0 ? whole : Span(node.Span, text, offsets);
            built[i] = new SyntaxNode(node.Kind, node.RawKind, span, node.Name, kids);
        }

        return built[0];
    }

    private static PythonFacts Facts(PythonParseReply reply, SourceText text, CodePointOffsets offsets)
    {
        var imports = reply.Imports.Select(i => new PythonImport(
            i.Style,
            i.Module,
            i.Level,
            i.Names.Select(n => new ImportedName(n.Name, n.Alias, Span(n.Span, text, offsets))).ToImmutableArray(),
            i.Alias,
            Span(i.Span, text, offsets),
            Span(i.ModuleSpan, text, offsets),
            i.InFunction,
            i.InTry));
        return new PythonFacts(imports.ToImmutableArray(), reply.Names);
    }

    private static SourceSpan Span(WireSpan span, SourceText text, CodePointOffsets offsets)
    {
        var start = offsets.Offset(span.StartLine, span.StartColumn);
        var end = offsets.Offset(span.EndLine, span.EndColumn);
        return text.Span(start, Math.Max(start, end));
    }

    private static ParseIssue Issue(WireIssue issue, SourceText text, CodePointOffsets offsets)
    {
        var at = text.Span(offsets.Offset(issue.Line, issue.Column), offsets.Offset(issue.Line, issue.Column));
        return new ParseIssue(at.StartLine, at.StartColumn, issue.Message);
    }
}
