using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Shell;

public sealed class ShellEmbeddedParseTests
{
    private readonly ShellFrontend frontend = new();

    [Fact]
    public void Embedded_snippet_spans_are_in_host_coordinates()
    {
        var prefix = string.Concat(Enumerable.Repeat("# header line\n", 6)) + "RUN ";
        prefix += new string(' ', 100 - prefix.Length);
        const string snippet = "apt-get update && \\\n    make install";
        var host = new SourceText(prefix + snippet + "\nUSER app\n");

        var parsed = frontend.Parse(host, 100, snippet, CancellationToken.None);

        Assert.Empty(parsed.Issues);
        Assert.Equal(host.Span(100, 100 + snippet.Length), parsed.Root.Span);
        var make = parsed.Command("make");
        Assert.Equal("make install", host.Slice(make.Span));
        Assert.Equal((8, 5), (make.Span.StartLine, make.Span.StartColumn));
        Assert.Equal("apt-get", host.Slice(parsed.Command("apt-get").Name.Span));
        ShellTestText.AssertTokensWellFormed(parsed, host, 100, 100 + snippet.Length);
        ShellTestText.AssertSpansInside(parsed, host, 100, 100 + snippet.Length);
    }

    [Fact]
    public void Masked_snippet_is_parsed_but_token_text_comes_from_the_host()
    {
        const string hostText = "RUN echo a \\\n# note\n && echo b\n";
        var start = "RUN ".Length;
        var length = hostText.Length - 1 - start;
        var snippet = hostText.Substring(start, length).Replace("# note\n", "       ", StringComparison.Ordinal);
        var host = new SourceText(hostText);

        var parsed = frontend.Parse(host, start, snippet, CancellationToken.None);

        Assert.Empty(parsed.Issues);
        Assert.Equal(new[] { "echo", "echo" }, parsed.Facts().Commands.Select(c => c.Name.StaticValue));
        Assert.Equal(3, parsed.Facts().Commands[1].Span.StartLine);
        ShellTestText.AssertTokensWellFormed(parsed, host, start, start + length);
    }

    [Fact]
    public void Non_ascii_text_maps_bytes_to_characters()
    {
        const string text = "echo é😀 \"ünï $x\" # ça 🚀\nécho=été; f() { :; }\n";
        var host = new SourceText(text);

        var parsed = frontend.Parse(text);

        Assert.Empty(parsed.Issues);
        ShellTestText.AssertTokensWellFormed(parsed, host, 0, text.Length);
        ShellTestText.AssertSpansInside(parsed, host, 0, text.Length);
        var echo = parsed.Command("echo");
        Assert.Equal(new[] { "é😀", "\"ünï $x\"" }, echo.Arguments.Select(a => host.Slice(a.Span)));
        Assert.Equal("é😀", echo.Arguments[0].StaticValue);
        Assert.Contains(parsed.Tokens, t => t.Kind == TokenKind.Comment && t.Text == "# ça 🚀");
        Assert.Contains(parsed.Tokens, t => t.Kind == TokenKind.Identifier && t.Text == "x" && text[t.Span.Start - 1] == '$');
        Assert.Equal("f() { :; }", host.Slice(Assert.Single(parsed.Symbols).Span));
    }

    [Fact]
    public void Lone_surrogate_keeps_offsets_aligned()
    {
        const string text = "echo \ud800 after\n";

        var parsed = frontend.Parse(text);

        Assert.False(parsed.Failed);
        ShellTestText.AssertTokensWellFormed(parsed, new SourceText(text), 0, text.Length);
        Assert.Contains(parsed.Tokens, t => t.Text == "after" && t.Span.Start == text.IndexOf("after", StringComparison.Ordinal));
    }

    [Fact]
    public void Crlf_line_breaks_parse_cleanly()
    {
        const string text = "echo a\r\nif true; then\r\n  echo b\r\nfi\r\n";
        var host = new SourceText(text);

        var parsed = frontend.Parse(text);

        Assert.Empty(parsed.Issues);
        Assert.Equal(new[] { (1, "echo a"), (2, "true"), (3, "echo b") }, parsed.Facts().Commands.Select(c => (c.Span.StartLine, host.Slice(c.Span))));
        Assert.DoesNotContain(parsed.Tokens, t => t.Text.Contains('\r', StringComparison.Ordinal));
        ShellTestText.AssertTokensWellFormed(parsed, host, 0, text.Length);
    }

    [Fact]
    public void Empty_text_is_an_empty_file()
    {
        var parsed = frontend.Parse(string.Empty);

        Assert.False(parsed.Failed);
        Assert.Empty(parsed.Issues);
        Assert.Empty(parsed.Tokens);
        Assert.Empty(parsed.Symbols);
        Assert.Equal(NodeKind.File, parsed.Root.Kind);
        Assert.Empty(parsed.Root.Children);
        Assert.Empty(parsed.Facts().Commands);
    }

    [Fact]
    public void Whitespace_and_comments_only_is_an_empty_file()
    {
        var parsed = frontend.Parse("\n\n# nothing here\n  \n");

        Assert.Empty(parsed.Issues);
        Assert.Empty(parsed.Root.Children);
        Assert.Equal(TokenKind.Comment, Assert.Single(parsed.Tokens).Kind);
    }
}
