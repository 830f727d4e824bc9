using Consolidate.Analyzers.Frontends.Compose;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Compose;

/// <summary>Parses compose text through the real frontend and checks what every result must satisfy.</summary>
internal static class ComposeAssert
{
    public static ParsedSource Parse(string text)
    {
        var source = new SourceText(text);
        var parsed = new ComposeFrontend().Parse(new SourceDocument("compose.yaml", Language.Compose, [], source, null), CancellationToken.None);
        WellFormed(source, parsed);
        return parsed;
    }

    public static ComposeService Service(string text, string name = "web")
    {
        var parsed = Parse(text);
        Assert.Empty(parsed.Issues);
        return Assert.Single(Assert.IsType<ComposeFacts>(parsed.Facts).Services, s => s.Name == name);
    }

    public static void WellFormed(SourceText source, ParsedSource parsed)
    {
        var text = source.Text;
        var end = 0;
        foreach (var token in parsed.Tokens)
        {
            Assert.True(token.Span.Start >= end, $"token '{token.Text}' at {token.Span} overlaps the previous one");
            Assert.True(token.Span.Length > 0);
            Assert.Equal(text.Substring(token.Span.Start, token.Span.Length), token.Text);
            Assert.Equal(source.Span(token.Span.Start, token.Span.End), token.Span);
            end = token.Span.End;
        }

        foreach (var node in parsed.Root.DescendantsAndSelf())
            Assert.True(node.Span.Start >= 0 && node.Span.End <= text.Length);
        foreach (var issue in parsed.Issues)
            Assert.True(issue.Line >= 1 && issue.Column >= 1 && issue.Message.Length > 0);

        var facts = Assert.IsType<ComposeFacts>(parsed.Facts);
        foreach (var service in facts.Services)
        {
            Assert.True(service.Span.Contains(service.NameSpan));
            var written = text.Substring(service.NameSpan.Start, service.NameSpan.Length);
            if (written.Length == 0 || written[0] is not ('"' or '\''))
                Assert.Equal(service.Name, written);
            var scalars = new[] { service.Image, service.Privileged, service.Pid, service.NetworkMode, service.Ipc, service.User, service.ExtendsFile, service.ExtendsService,
                service.Build?.Context, service.Build?.Dockerfile, service.Resources.MemoryLimit, service.Resources.MemoryReservation, service.Resources.CpuLimit, service.Resources.CpuReservation }
                .Concat(service.EnvFiles);
            foreach (var scalar in scalars.OfType<ComposeScalar>())
                Assert.True(scalar.Span.End <= text.Length && scalar.Span.Start >= 0);
            foreach (var volume in service.Volumes)
                Assert.True(volume.Span.End <= text.Length);
        }
    }

    public static string Slice(this string text, SourceSpan span) => text.Substring(span.Start, span.Length);
}
