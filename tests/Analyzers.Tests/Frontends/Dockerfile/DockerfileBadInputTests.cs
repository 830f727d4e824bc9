using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Dockerfile;

public sealed class DockerfileBadInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\n\n   \n")]
    [InlineData("# only a comment\n")]
    public void Empty_or_comment_only_file_is_ok_with_no_stages(string text)
    {
        var parsed = DockerfileAssert.Parse(text);

        Assert.Empty(parsed.Issues);
        Assert.False(parsed.Failed);
        Assert.Empty(Assert.IsType<DockerfileFacts>(parsed.Facts).Stages);
        Assert.Null(Assert.IsType<DockerfileFacts>(parsed.Facts).FinalStage);
    }

    [Fact]
    public void Unterminated_continuation_at_the_end_of_the_file_is_an_issue()
    {
        var parsed = DockerfileAssert.Parse("FROM alpine\nRUN apk add \\\n    curl \\\n# trailing comment\n\n");

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal((3, 10), (issue.Line, issue.Column));
        Assert.StartsWith("unterminated line continuation: the instruction starting on line 2 ends with '\\' on line 3", issue.Message, StringComparison.Ordinal);
        var run = Assert.IsType<DockerfileFacts>(parsed.Facts).Single("RUN");
        Assert.Equal("apk add     curl", run.Arguments.TrimEnd());
        Assert.Equal(3, run.Span.EndLine);
    }

    [Fact]
    public void Unterminated_heredoc_is_an_issue_on_the_instruction_line()
    {
        var parsed = DockerfileAssert.Parse("FROM alpine\nRUN <<EOF\necho never closed\n");

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal((2, 5), (issue.Line, issue.Column));
        Assert.StartsWith("unterminated heredoc: <<EOF is never closed", issue.Message, StringComparison.Ordinal);
        Assert.Equal("echo never closed\n", Assert.Single(Assert.IsType<DockerfileFacts>(parsed.Facts).Single("RUN").Heredocs).Body);
    }

    [Fact]
    public void Unknown_instruction_is_an_issue_and_kept_in_the_stage()
    {
        var parsed = DockerfileAssert.Parse("FROM alpine\nRUNN echo\n");

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal((2, 1), (issue.Line, issue.Column));
        Assert.StartsWith("unknown instruction 'RUNN'", issue.Message, StringComparison.Ordinal);
        Assert.False(parsed.Failed);
        Assert.Equal("RUNN", Assert.IsType<DockerfileFacts>(parsed.Facts).Stages[0].Instructions[1].Keyword);
    }

    [Fact]
    public void Missing_from_is_an_issue()
    {
        var parsed = DockerfileAssert.Parse("ARG X=1\n");

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal(1, issue.Line);
        Assert.StartsWith("no FROM instruction", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Instruction_before_from_other_than_arg_is_an_issue()
    {
        var parsed = DockerfileAssert.Parse("ARG V=1\nRUN echo early\nFROM alpine\n");

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal((2, 1), (issue.Line, issue.Column));
        Assert.StartsWith("RUN before the first FROM", issue.Message, StringComparison.Ordinal);
        var facts = Assert.IsType<DockerfileFacts>(parsed.Facts);
        Assert.Equal(["V=1"], facts.GlobalArgs.Select(a => a.Arguments));
        Assert.Single(facts.Stages);
    }

    [Fact]
    public void From_with_the_wrong_number_of_words_or_a_bad_stage_name_is_an_issue()
    {
        var parsed = DockerfileAssert.Parse("FROM alpine base\nFROM alpine AS 1st\nFROM\n");

        Assert.Equal([1, 2, 3], parsed.Issues.Select(i => i.Line));
        Assert.StartsWith("FROM takes an image", parsed.Issues[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("invalid stage name '1st'", parsed.Issues[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("FROM has no image", parsed.Issues[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_garbage_fails_without_throwing_and_reports_a_bounded_number_of_issues()
    {
        var random = new Random(7);
        var chars = new char[20_000];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = random.Next(8) == 0 ? '\n' : (char)random.Next(0, 0x3000);

        var parsed = DockerfileAssert.Parse(new string(chars));

        Assert.True(parsed.Failed);
        Assert.InRange(parsed.Issues.Length, 1, 101);
    }

    [Fact]
    public void Nul_bytes_and_lone_surrogates_do_not_throw()
    {
        var parsed = DockerfileAssert.Parse("FROM alpine\nRUN \0\ud800 \\\n\udc00\nCMD [\"\\ud800\"]\n");

        Assert.Equal<string>(["\uFFFD"], Assert.IsType<DockerfileFacts>(parsed.Facts).Single("CMD").ExecForm);
    }
}
