using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Shell;

/// <summary>
/// Classes the leaves of the tree into tokens, in source order. Keywords, operators and punctuation are Keyword;
/// command, function and variable names are Identifier; words, numbers, quoted text and heredoc text are Literal;
/// comments are Comment. A double-quoted string or heredoc body is split around the expansions inside it: the
/// quoted text between them (quotes included) is one Literal, the expansions are tokens of their own.
/// </summary>
internal sealed class ShellTokenizer
{
    private const int MaxInternedLength = 32;

    private readonly ShellTree tree;
    private readonly HostCoordinates coordinates;
    private readonly ParseBudget budget;
#if NET
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> interned =
        new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
#else
    // netstandard2.0 (the analyzer package) has no alternate lookups: the package's SpanKeyedStrings stands in.
    private readonly SpanKeyedStrings interned = new();
#endif

    private ShellTokenizer(ShellTree tree, HostCoordinates coordinates, ParseBudget budget)
    {
        this.tree = tree;
        this.coordinates = coordinates;
        this.budget = budget;
    }

    public static ImmutableArray<Token>? Tokenize(ShellTree tree, HostCoordinates coordinates, ParseBudget budget) =>
        new ShellTokenizer(tree, coordinates, budget).Run();

    private ImmutableArray<Token>? Run()
    {
        var tokens = ImmutableArray.CreateBuilder<Token>(LeafCount());
        var pending = new Stack<Work>();
        var pieces = new List<Work>();
        pending.Push(Work.ForNode(0));
        while (pending.Count > 0)
        {
            if (budget.Tick())
                return null;

            var work = pending.Pop();
            if (work.Node < 0)
            {
                Emit(tokens, TokenKind.Literal, work.Start, work.End);
                continue;
            }

            var node = work.Node;
            if (tree.Length(node) == 0)
                continue;
            if (tree.IsLeaf(node))
            {
                Emit(tokens, Classify(node), tree.Start(node), tree.End(node));
                continue;
            }

            pieces.Clear();
            if (tree.Kind(node) is BashNodeKind.String or BashNodeKind.TranslatedString or BashNodeKind.HeredocBody)
                SplitQuoted(node, pieces);
            else
                foreach (var child in tree.Children(node))
                    pieces.Add(Work.ForNode(child));
            for (var i = pieces.Count - 1; i >= 0; i--)
                pending.Push(pieces[i]);
        }

        return Ordered(tokens);
    }

    private void SplitQuoted(int node, List<Work> pieces)
    {
        var literalStart = tree.Start(node);
        foreach (var child in tree.Children(node))
        {
            if (!tree.IsNamed(child) || tree.Kind(child) is BashNodeKind.StringContent or BashNodeKind.HeredocContent || tree.Length(child) == 0)
                continue;
            if (tree.Start(child) > literalStart)
                pieces.Add(Work.ForLiteral(literalStart, tree.Start(child)));
            pieces.Add(Work.ForNode(child));
            literalStart = Math.Max(literalStart, tree.End(child));
        }

        if (tree.End(node) > literalStart)
            pieces.Add(Work.ForLiteral(literalStart, tree.End(node)));
    }

    private TokenKind Classify(int leaf)
    {
        if (!tree.IsNamed(leaf))
            return TokenKind.Keyword;
        switch (tree.Kind(leaf))
        {
            case BashNodeKind.Comment:
                return TokenKind.Comment;
            case BashNodeKind.VariableName or BashNodeKind.SpecialVariableName:
                return TokenKind.Identifier;
            case BashNodeKind.TestOperator:
                return TokenKind.Keyword;
            case BashNodeKind.Word:
                var parent = tree.Parent(leaf);
                var parentKind = parent < 0 ? BashNodeKind.Other : tree.Kind(parent);
                return parentKind == BashNodeKind.CommandName
                    || (parentKind == BashNodeKind.FunctionDefinition && tree.Field(leaf) == tree.Grammar.NameField)
                    ? TokenKind.Identifier
                    : TokenKind.Literal;
            default:
                return TokenKind.Literal;
        }
    }

    /// <summary>Non-empty leaves: close to the token count, so the builder does not regrow on large texts.</summary>
    private int LeafCount()
    {
        var count = 0;
        for (var node = 0; node < tree.Count; node++)
            if (tree.IsLeaf(node) && tree.Length(node) > 0)
                count++;
        return count;
    }

    private void Emit(ImmutableArray<Token>.Builder tokens, TokenKind kind, int start, int end)
    {
        if (end <= start)
            return;
        tokens.Add(new Token(kind, Text(start, end), coordinates.Span(start, end)));
    }

    private string Text(int start, int end)
    {
        if (end - start > MaxInternedLength)
            return coordinates.Slice(start, end);
        var text = coordinates.SliceSpan(start, end);
        if (interned.TryGetValue(text, out var known))
            return known;
        var created = text.ToString();
        interned[created] = created;
        return created;
    }

    /// <summary>tree-sitter leaves come in source order; if a grammar quirk ever breaks that, sort and drop overlaps.</summary>
    private static ImmutableArray<Token> Ordered(ImmutableArray<Token>.Builder tokens)
    {
        var ordered = true;
        for (var i = 1; i < tokens.Count && ordered; i++)
            ordered = tokens[i].Span.Start >= tokens[i - 1].Span.End;
        if (ordered)
            return tokens.Count == tokens.Capacity ? tokens.MoveToImmutable() : tokens.ToImmutable();

        var sorted = tokens.OrderBy(t => t.Span.Start).ThenByDescending(t => t.Span.Length).ToList();
        var result = ImmutableArray.CreateBuilder<Token>(sorted.Count);
        var end = 0;
        foreach (var token in sorted)
        {
            if (token.Span.Start < end)
                continue;
            result.Add(token);
            end = token.Span.End;
        }

        return result.ToImmutable();
    }

    /// <summary>A node to visit, or (Node &lt; 0) a literal range to emit.</summary>
    private readonly record struct Work(int Node, int Start, int End)
    {
        public static Work ForNode(int node) => new(node, 0, 0);

        public static Work ForLiteral(int start, int end) => new(-1, start, end);
    }
}
