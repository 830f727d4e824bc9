using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Dockerfile;

public sealed class DockerfileContinuationTests
{
    private const string Text =
        "FROM debian:bookworm\n" +             // 1
        "RUN apt-get update \\\n" +            // 2
        "    # the compiler\n" +               // 3
        "    && apt-get install -y gcc \\\n" + // 4
        "\n" +                                 // 5
        "  # and make\n" +                     // 6
        "    make \\\n" +                      // 7
        "    && rm -rf /var/lib/apt/lists/*\n" + // 8
        "WORKDIR /src\n";                      // 9

    [Fact]
    public void Comment_and_blank_lines_inside_a_continuation_are_dropped_from_the_arguments()
    {
        var run = DockerfileAssert.Facts(Text).Single("RUN");

        Assert.Equal("apt-get update     && apt-get install -y gcc     make     && rm -rf /var/lib/apt/lists/*", run.Arguments);
    }

    [Fact]
    public void The_instruction_spans_its_lines_and_the_next_one_starts_after_it()
    {
        var facts = DockerfileAssert.Facts(Text);

        var run = facts.Single("RUN");
        Assert.Equal((2, 1, 8, 35), (run.Span.StartLine, run.Span.StartColumn, run.Span.EndLine, run.Span.EndColumn));
        Assert.Equal((2, 5, 8, 35), (run.ArgumentsSpan.StartLine, run.ArgumentsSpan.StartColumn, run.ArgumentsSpan.EndLine, run.ArgumentsSpan.EndColumn));
        Assert.StartsWith("RUN apt-get update \\\n    # the compiler", Text.Slice(run.Span), StringComparison.Ordinal);
        Assert.EndsWith("rm -rf /var/lib/apt/lists/*", Text.Slice(run.Span), StringComparison.Ordinal);
        Assert.Equal(9, facts.Single("WORKDIR").Span.StartLine);
        Assert.Equal((1, 9), (facts.Stages[0].Span.StartLine, facts.Stages[0].Span.EndLine));
    }

    [Fact]
    public void Comment_lines_inside_a_continuation_are_comment_tokens()
    {
        var parsed = DockerfileAssert.Parse(Text);

        var comments = parsed.Tokens.Where(t => t.Kind == TokenKind.Comment).ToList();
        Assert.Equal(["# the compiler", "# and make"], comments.Select(t => t.Text));
        Assert.Equal([3, 6], comments.Select(t => t.Span.StartLine));
    }

    [Fact]
    public void A_line_ending_in_an_escaped_escape_does_not_continue()
    {
        var facts = DockerfileAssert.Facts("FROM alpine\nRUN echo a\\\\\nRUN echo b\n");

        Assert.Equal(["echo a\\\\", "echo b"], facts.Stages[0].Instructions.Where(i => i.Keyword == "RUN").Select(i => i.Arguments));
    }

    [Fact]
    public void Blanks_after_the_escape_still_continue_the_line()
    {
        var run = DockerfileAssert.Facts("FROM alpine\nRUN echo a \\  \t\n    b\n").Single("RUN");

        Assert.Equal("echo a     b", run.Arguments);
    }

    [Fact]
    public void Crlf_line_endings_continue_and_keep_lines()
    {
        var facts = DockerfileAssert.Facts("FROM alpine\r\nRUN echo a \\\r\n    b\r\nUSER app\r\n");

        Assert.Equal("echo a     b", facts.Single("RUN").Arguments);
        Assert.Equal((2, 3), (facts.Single("RUN").Span.StartLine, facts.Single("RUN").Span.EndLine));
        Assert.Equal("app", facts.FinalStage!.LastUser);
    }

    [Fact]
    public void A_keyword_can_follow_a_lone_continuation_line()
    {
        var facts = DockerfileAssert.Facts("FROM alpine\n\\\nRUN true\n");

        Assert.Equal("true", facts.Single("RUN").Arguments);
    }

    [Fact]
    public void Json_split_over_lines_is_still_exec_form()
    {
        var facts = DockerfileAssert.Facts("FROM alpine\nCMD [\"nginx\", \\\n     \"-g\", \\\n     \"daemon off;\"]\n");

        Assert.Equal<string>(["nginx", "-g", "daemon off;"], facts.Single("CMD").ExecForm);
    }
}
