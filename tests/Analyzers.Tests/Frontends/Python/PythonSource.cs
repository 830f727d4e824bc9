using System.Text;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Scanning;

namespace Consolidate.Analyzers.Tests.Frontends.Python;

/// <summary>Documents as the scanner builds them: the bytes, decoded by <see cref="TextDecoder"/>.</summary>
internal static class PythonSource
{
    public static SourceDocument Document(string text, string path = "pkg/module.py") => Document(Encoding.UTF8.GetBytes(text), path);

    public static SourceDocument Document(byte[] bytes, string path = "pkg/module.py")
    {
        var decoded = TextDecoder.Decode(bytes);
        return new SourceDocument(path, Language.Python, bytes, new SourceText(decoded.Text), decoded.Note);
    }

    /// <summary>The tokens, spans, tree and issues keep the model's promises for this text.</summary>
    public static void AssertWellFormed(ParsedSource parsed, SourceText text)
    {
        var previousEnd = 0;
        foreach (var token in parsed.Tokens)
        {
            Assert.True(token.Span.Start >= previousEnd, $"token '{token.Text}' at {token.Span.Start} overlaps the previous one ending at {previousEnd}");
            Assert.True(token.Span.Length > 0, "empty token");
            Assert.True(token.Span.End <= text.Text.Length, $"token '{token.Text}' ends past the text");
            Assert.Equal(text.Slice(token.Span), token.Text);
            Assert.Equal(text.Span(token.Span.Start, token.Span.End), token.Span);
            previousEnd = token.Span.End;
        }

        foreach (var node in parsed.Root.DescendantsAndSelf())
            AssertInside(node.Span, text);
        foreach (var symbol in parsed.Symbols)
            AssertInside(symbol.Span, text);
        if (parsed.Facts is PythonFacts facts)
        {
            foreach (var import in facts.Imports)
            {
                AssertInside(import.Span, text);
                AssertInside(import.ModuleSpan, text);
                foreach (var name in import.Names)
                    AssertInside(name.Span, text);
            }
        }

        foreach (var issue in parsed.Issues)
        {
            Assert.InRange(issue.Line, 1, Math.Max(1, text.LineCount + 1));
            Assert.True(issue.Column >= 1, $"issue column {issue.Column} is not 1-based");
        }
    }

    private static void AssertInside(SourceSpan span, SourceText text)
    {
        Assert.InRange(span.Start, 0, text.Text.Length);
        Assert.InRange(span.End, span.Start, text.Text.Length);
        Assert.Equal(text.Span(span.Start, span.End), span);
    }
}
