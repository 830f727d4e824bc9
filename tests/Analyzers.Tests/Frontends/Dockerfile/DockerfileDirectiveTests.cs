using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Dockerfile;

public sealed class DockerfileDirectiveTests
{
    [Fact]
    public void Syntax_escape_and_check_directives_are_read_with_lower_case_names()
    {
        var facts = DockerfileAssert.Facts("# syntax=docker/dockerfile:1.7\n#  Escape = \\\n# CHECK=skip=all\nFROM alpine\n");

        Assert.Equal("docker/dockerfile:1.7", facts.Directives["syntax"]);
        Assert.Equal("\\", facts.Directives["escape"]);
        Assert.Equal("skip=all", facts.Directives["check"]);
        Assert.Equal(3, facts.Directives.Count);
    }

    [Fact]
    public void Directives_stop_at_the_first_comment_blank_line_or_instruction()
    {
        var afterComment = DockerfileAssert.Facts("# a comment\n# syntax=docker/dockerfile:1\nFROM alpine\n");
        var afterBlank = DockerfileAssert.Facts("\n# syntax=docker/dockerfile:1\nFROM alpine\n");
        var afterInstruction = DockerfileAssert.Facts("FROM alpine\n# escape=`\nRUN echo \\\n  hi\n");
        var afterUnknown = DockerfileAssert.Facts("# foo=bar\n# syntax=x\nFROM alpine\n");

        Assert.Empty(afterComment.Directives);
        Assert.Empty(afterBlank.Directives);
        Assert.Empty(afterInstruction.Directives);
        Assert.Equal("echo   hi", afterInstruction.Single("RUN").Arguments);
        Assert.Empty(afterUnknown.Directives);
    }

    [Fact]
    public void Escape_backtick_makes_backtick_the_continuation_and_backslash_literal()
    {
        const string text = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY testfile.txt c:\\\nRUN dir c:\\ `\n    && echo done\n";

        var facts = DockerfileAssert.Facts(text);

        Assert.Equal("`", facts.Directives["escape"]);
        var copy = facts.Single("COPY");
        Assert.Equal("testfile.txt c:\\", copy.Arguments);
        Assert.Equal(3, copy.Span.StartLine);
        Assert.Equal(3, copy.Span.EndLine);
        var run = facts.Single("RUN");
        Assert.Equal("dir c:\\     && echo done", run.Arguments);
        Assert.Equal(4, run.Span.StartLine);
        Assert.Equal(5, run.Span.EndLine);
    }

    [Fact]
    public void A_repeated_directive_is_an_issue_and_the_first_value_is_kept()
    {
        var parsed = DockerfileAssert.Parse("# syntax=a\n# syntax=b\nFROM alpine\n");

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal(2, issue.Line);
        Assert.Contains("only one 'syntax' parser directive", issue.Message, StringComparison.Ordinal);
        Assert.Equal("a", Assert.IsType<DockerfileFacts>(parsed.Facts).Directives["syntax"]);
    }

    [Fact]
    public void An_invalid_escape_character_is_an_issue_and_backslash_stays()
    {
        var parsed = DockerfileAssert.Parse("# escape=x\nFROM alpine\nRUN a \\\n  b\n");

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal(1, issue.Line);
        Assert.Contains("invalid escape directive 'x'", issue.Message, StringComparison.Ordinal);
        Assert.Equal("a   b", Assert.IsType<DockerfileFacts>(parsed.Facts).Single("RUN").Arguments);
    }

    [Fact]
    public void Directive_lines_are_comment_tokens()
    {
        var parsed = DockerfileAssert.Parse("# syntax=docker/dockerfile:1\nFROM alpine\n");

        Assert.Equal(new Token(TokenKind.Comment, "# syntax=docker/dockerfile:1", new SourceText("# syntax=docker/dockerfile:1\nFROM alpine\n").Span(0, 28)), parsed.Tokens[0]);
    }
}
