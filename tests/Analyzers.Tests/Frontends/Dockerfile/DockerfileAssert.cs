using Consolidate.Analyzers.Frontends.Dockerfile;
using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Dockerfile;

/// <summary>Parses Dockerfile text through the real frontend and checks what every result must satisfy.</summary>
internal static class DockerfileAssert
{
    public static ParsedSource Parse(string text, IShellParser? shell = null)
    {
        var source = new SourceText(text);
        var document = new SourceDocument("Dockerfile", Language.Dockerfile, System.Text.Encoding.UTF8.GetBytes(text), source, null);
        var parsed = new DockerfileFrontend(shell ?? new RecordingShellParser()).Parse(document, CancellationToken.None);
        WellFormed(source, parsed);
        return parsed;
    }

    public static DockerfileFacts Facts(string text, IShellParser? shell = null)
    {
        var parsed = Parse(text, shell);
        Assert.Empty(parsed.Issues);
        return Assert.IsType<DockerfileFacts>(parsed.Facts);
    }

    /// <summary>Spans inside the text, tokens ordered, not overlapping and equal to their slice, nodes nested.</summary>
    public static void WellFormed(SourceText source, ParsedSource parsed)
    {
        var text = source.Text;
        var end = 0;
        foreach (var token in parsed.Tokens)
        {
            Assert.True(token.Span.Start >= end, $"token '{token.Text}' at {token.Span} overlaps or precedes the previous one");
            Assert.True(token.Span.Length > 0, $"empty token at {token.Span}");
            Assert.True(token.Span.End <= text.Length);
            Assert.Equal(text.Substring(token.Span.Start, token.Span.Length), token.Text);
            Assert.Equal(source.Span(token.Span.Start, token.Span.End), token.Span);
            end = token.Span.End;
        }

        foreach (var node in parsed.Root.DescendantsAndSelf())
        {
            Assert.True(node.Span.Start >= 0 && node.Span.End <= text.Length, $"node {node.RawKind} at {node.Span} is outside the text");
            foreach (var child in node.Children)
                Assert.True(node.Span.Contains(child.Span), $"node {child.RawKind} {child.Span} is outside its parent {node.RawKind} {node.Span}");
        }

        foreach (var issue in parsed.Issues)
        {
            Assert.InRange(issue.Line, 1, Math.Max(1, source.LineCount + 1));
            Assert.True(issue.Column >= 1);
            Assert.False(string.IsNullOrWhiteSpace(issue.Message));
        }

        if (parsed.Facts is not DockerfileFacts facts)
            return;
        foreach (var stage in facts.Stages)
        {
            Assert.True(stage.Span.Contains(stage.FromSpan));
            foreach (var instruction in stage.Instructions)
                InstructionWellFormed(text, stage.Span, instruction);
        }

        foreach (var arg in facts.GlobalArgs)
            InstructionWellFormed(text, parsed.Root.Span, arg);
    }

    private static void InstructionWellFormed(string text, SourceSpan container, DockerInstruction instruction)
    {
        Assert.True(container.Contains(instruction.Span), $"{instruction.Keyword} {instruction.Span} is outside {container}");
        Assert.True(instruction.Span.Contains(instruction.ArgumentsSpan) || instruction.ArgumentsSpan.Length == 0);
        foreach (var flag in instruction.Flags)
            Assert.True(instruction.Span.Contains(flag.Span));
        foreach (var heredoc in instruction.Heredocs)
        {
            Assert.True(heredoc.BodySpan.End <= text.Length);
            if (!heredoc.StripTabs)
                Assert.Equal(text.Substring(heredoc.BodySpan.Start, heredoc.BodySpan.Length), heredoc.Body);
        }

        if (instruction.OnBuild is { } inner)
            InstructionWellFormed(text, instruction.Span, inner);
    }

    public static IEnumerable<DockerInstruction> Instructions(this DockerfileFacts facts) =>
        facts.GlobalArgs.Concat(facts.Stages.SelectMany(s => s.Instructions));

    public static DockerInstruction Single(this DockerfileFacts facts, string keyword) =>
        Assert.Single(facts.Instructions(), i => i.Keyword == keyword);

    public static string Slice(this string text, SourceSpan span) => text.Substring(span.Start, span.Length);
}
