using System.Text;
using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Shell;

/// <summary>Parsing helpers and the invariants every shell parse must keep.</summary>
internal static class ShellTestText
{
    public static SourceDocument Document(string text, string path = "script.sh") =>
        new(path, Language.Shell, Encoding.UTF8.GetBytes(text), new SourceText(text), null);

    public static ParsedSource Parse(this ShellFrontend frontend, string text) =>
        frontend.Parse(Document(text), CancellationToken.None);

    public static ShellFacts Facts(this ParsedSource parsed) =>
        Assert.IsType<ShellFacts>(parsed.Facts);

    public static ShellCommand Command(this ParsedSource parsed, string name) =>
        Assert.Single(parsed.Facts().Commands, c => c.Name.StaticValue == name);

    /// <summary>Tokens in order, not overlapping, inside [start, end), each with the host's text of its span.</summary>
    public static void AssertTokensWellFormed(ParsedSource parsed, SourceText host, int start, int end)
    {
        var previousEnd = start;
        foreach (var token in parsed.Tokens)
        {
            Assert.True(token.Span.Start >= previousEnd, $"token '{token.Text}' at {token.Span.Start} overlaps or precedes the previous one ending at {previousEnd}");
            Assert.True(token.Span.Length > 0, $"empty token at {token.Span.Start}");
            Assert.True(token.Span.End <= end, $"token '{token.Text}' ends at {token.Span.End}, past {end}");
            Assert.Equal(host.Slice(token.Span), token.Text);
            AssertSpanConsistent(host, token.Span);
            previousEnd = token.Span.End;
        }
    }

    /// <summary>Every span of the result lies in [start, end) and its lines and columns agree with its offsets.</summary>
    public static void AssertSpansInside(ParsedSource parsed, SourceText host, int start, int end)
    {
        void Inside(SourceSpan span)
        {
            Assert.InRange(span.Start, start, end);
            Assert.InRange(span.End, span.Start, end);
            AssertSpanConsistent(host, span);
        }

        foreach (var node in parsed.Root.DescendantsAndSelf())
            Inside(node.Span);
        foreach (var symbol in parsed.Symbols)
            Inside(symbol.Span);
        if (parsed.Facts is ShellFacts facts)
        {
            foreach (var command in facts.Commands)
            {
                Inside(command.Span);
                Inside(command.Name.Span);
                foreach (var argument in command.Arguments)
                    Inside(argument.Span);
            }

            foreach (var assignment in facts.Assignments)
            {
                Inside(assignment.Span);
                if (assignment.Value is not null)
                    Inside(assignment.Value.Span);
            }

            foreach (var heredoc in facts.Heredocs)
                Inside(heredoc.BodySpan);
        }

        foreach (var issue in parsed.Issues)
        {
            Assert.InRange(issue.Line, host.LineOf(start), host.LineOf(end));
            Assert.True(issue.Column >= 1);
        }
    }

    private static void AssertSpanConsistent(SourceText host, SourceSpan span)
    {
        var expected = host.Span(span.Start, span.End);
        Assert.Equal(expected, span);
    }
}
