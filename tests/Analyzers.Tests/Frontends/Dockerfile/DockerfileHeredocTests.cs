using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Dockerfile;

public sealed class DockerfileHeredocTests
{
    [Fact]
    public void Run_heredoc_body_and_delimiter_are_read()
    {
        const string text = "# syntax=docker/dockerfile:1\nFROM debian\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nUSER app\n";

        var facts = DockerfileAssert.Facts(text);

        var run = facts.Single("RUN");
        Assert.Equal("<<EOF", run.Arguments);
        var heredoc = Assert.Single(run.Heredocs);
        Assert.Equal(new DockerHeredoc("EOF", false, false, "apt-get update\napt-get install -y curl\n", heredoc.BodySpan), heredoc);
        Assert.Equal((4, 6), (heredoc.BodySpan.StartLine, heredoc.BodySpan.EndLine));
        Assert.Equal((3, 6), (run.Span.StartLine, run.Span.EndLine));
        Assert.Equal("RUN <<EOF\napt-get update\napt-get install -y curl\nEOF", text.Slice(run.Span));
        Assert.Equal(7, facts.Single("USER").Span.StartLine);
    }

    [Fact]
    public void Dash_heredoc_strips_leading_tabs_from_body_and_terminator()
    {
        const string text = "FROM alpine\nRUN <<-END\n\techo one\n\t\techo two\n\tEND\n";

        var heredoc = Assert.Single(DockerfileAssert.Facts(text).Single("RUN").Heredocs);

        Assert.True(heredoc.StripTabs);
        Assert.Equal("END", heredoc.Delimiter);
        Assert.Equal("echo one\necho two\n", heredoc.Body);
        Assert.Equal("\techo one\n\t\techo two\n", text.Slice(heredoc.BodySpan));
    }

    [Fact]
    public void Quoted_delimiters_are_unquoted_and_marked()
    {
        var facts = DockerfileAssert.Facts("FROM alpine\nCOPY <<\"EOF\" /a\n$HOME\nEOF\nCOPY <<'X Y' /b\nx\nX Y\nCOPY <<Z /c\nz\nZ\n");

        var heredocs = facts.Stages[0].Instructions.Where(i => i.Keyword == "COPY").Select(i => Assert.Single(i.Heredocs)).ToList();
        Assert.Equal(["EOF", "X Y", "Z"], heredocs.Select(h => h.Delimiter));
        Assert.Equal([true, true, false], heredocs.Select(h => h.Quoted));
        Assert.Equal(["$HOME\n", "x\n", "z\n"], heredocs.Select(h => h.Body));
    }

    [Fact]
    public void Several_heredocs_in_one_instruction_are_read_in_order()
    {
        const string text = "FROM alpine\nCOPY <<one.txt <<two.txt /dest/\nfirst\none.txt\nsecond\nline\ntwo.txt\nRUN true\n";

        var facts = DockerfileAssert.Facts(text);

        var copy = facts.Single("COPY");
        Assert.Equal(["one.txt", "two.txt"], copy.Heredocs.Select(h => h.Delimiter));
        Assert.Equal(["first\n", "second\nline\n"], copy.Heredocs.Select(h => h.Body));
        Assert.Equal((2, 7), (copy.Span.StartLine, copy.Span.EndLine));
        Assert.Equal(8, facts.Single("RUN").Span.StartLine);
    }

    [Fact]
    public void Heredoc_with_a_command_and_a_file_descriptor()
    {
        var facts = DockerfileAssert.Facts("FROM python:3.12\nRUN python3 - 3<<EOF\nprint('hi')\nEOF\n");

        var heredoc = Assert.Single(facts.Single("RUN").Heredocs);
        Assert.Equal("EOF", heredoc.Delimiter);
        Assert.Equal("print('hi')\n", heredoc.Body);
    }

    [Fact]
    public void Heredoc_lines_that_look_like_instructions_or_comments_are_body()
    {
        var facts = DockerfileAssert.Facts("FROM alpine\nCOPY <<EOF /etc/motd\n# not a comment\nFROM nothing\nEOF\n");

        Assert.Single(facts.Stages);
        Assert.Equal("# not a comment\nFROM nothing\n", Assert.Single(facts.Single("COPY").Heredocs).Body);
    }

    [Fact]
    public void Heredocs_are_not_read_for_other_instructions_or_exec_form()
    {
        var facts = DockerfileAssert.Facts("FROM alpine\nCMD cat <<EOF\nRUN [\"cat\", \"<<EOF\"]\nLABEL x=<<EOF\n");

        Assert.All(facts.Stages[0].Instructions, i => Assert.Empty(i.Heredocs));
        Assert.Equal(4, facts.Stages[0].Instructions.Length);
    }

    [Fact]
    public void Heredoc_after_a_continuation_starts_after_the_last_line()
    {
        const string text = "FROM alpine\nRUN --mount=type=cache,target=/var/cache \\\n    <<EOF\napk add git\nEOF\n";

        var run = DockerfileAssert.Facts(text).Single("RUN");

        Assert.Equal("apk add git\n", Assert.Single(run.Heredocs).Body);
        Assert.Equal("/var/cache", run.Flag("mount")![^10..]);
        Assert.Equal((2, 5), (run.Span.StartLine, run.Span.EndLine));
    }

    [Fact]
    public void Empty_heredoc_has_an_empty_body()
    {
        var heredoc = Assert.Single(DockerfileAssert.Facts("FROM alpine\nCOPY <<EOF /empty\nEOF\n").Single("COPY").Heredocs);

        Assert.Equal("", heredoc.Body);
        Assert.Equal(0, heredoc.BodySpan.Length);
    }

    [Fact]
    public void Onbuild_run_heredoc_belongs_to_the_wrapped_instruction()
    {
        var facts = DockerfileAssert.Facts("FROM alpine\nONBUILD RUN <<EOF\necho child\nEOF\n");

        var onbuild = facts.Single("ONBUILD");
        Assert.Equal("echo child\n", Assert.Single(onbuild.OnBuild!.Heredocs).Body);
        Assert.Equal(4, onbuild.Span.EndLine);
    }
}
