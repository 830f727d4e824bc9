using System.Collections.Immutable;
using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Dockerfile;

/// <summary>
/// A stand-in for the tree-sitter shell parser: records each snippet and offset it is given and returns an empty
/// result, or (with <see cref="WordTokens"/>) one Literal token per blank-separated word of the snippet, in host
/// coordinates, plus one command fact, so tests can see where the frontend puts what a real parser returns.
/// </summary>
internal sealed class RecordingShellParser : IShellParser
{
    private readonly object gate = new();

    public List<(int Start, string Snippet)> Calls { get; } = [];

    public bool WordTokens { get; init; }

    public ImmutableArray<ParseIssue> IssuesToReturn { get; init; } = ImmutableArray<ParseIssue>.Empty;

    public bool Fail { get; init; }

    public ParsedSource Parse(SourceText host, int start, string snippet, CancellationToken cancellationToken)
    {
        lock (gate)
            Calls.Add((start, snippet));
        Assert.InRange(start, 0, host.Text.Length);
        Assert.InRange(start + snippet.Length, start, host.Text.Length);

        var span = host.Span(start, start + snippet.Length);
        var root = SyntaxNode.Leaf(NodeKind.File, "program", span);
        if (Fail)
            return ParsedSource.FailedWith(host, new ParseIssue(span.StartLine, span.StartColumn, "library missing"));
        if (!WordTokens)
            return new ParsedSource(root, ImmutableArray<Token>.Empty, ImmutableArray<Symbol>.Empty, null, IssuesToReturn);

        var tokens = ImmutableArray.CreateBuilder<Token>();
        for (var i = 0; i < snippet.Length;)
        {
            if (char.IsWhiteSpace(snippet[i]) || snippet[i] == '\\')
            {
                i++;
                continue;
            }

            var wordStart = i;
            while (i < snippet.Length && !char.IsWhiteSpace(snippet[i]) && snippet[i] != '\\')
                i++;
            tokens.Add(new Token(TokenKind.Literal, host.Text.Substring(start + wordStart, i - wordStart), host.Span(start + wordStart, start + i)));
        }

        var first = tokens.Count > 0 ? tokens[0] : new Token(TokenKind.Literal, "", span);
        var command = new ShellCommand(new ShellWord(first.Text, [new ShellWordPart(ShellWordPartKind.Literal, first.Text)], first.Span), [], first.Span, null, 0);
        var facts = new ShellFacts([command], [], []);
        var statement = SyntaxNode.Leaf(NodeKind.Statement, "command", first.Span);
        return new ParsedSource(root with { Children = [statement] }, tokens.ToImmutable(), [], facts, IssuesToReturn);
    }
}
