using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Dockerfile;

public sealed class DockerfileShellTests
{
    [Fact]
    public void Run_body_is_handed_over_with_its_offset_and_the_same_length()
    {
        var shell = new RecordingShellParser();
        const string text = "FROM alpine\nRUN --mount=type=cache,target=/x apk add curl\n";

        DockerfileAssert.Facts(text, shell);

        var (start, snippet) = Assert.Single(shell.Calls);
        Assert.Equal(text.IndexOf("apk", StringComparison.Ordinal), start);
        Assert.Equal("apk add curl", snippet);
    }

    [Fact]
    public void Comment_and_blank_lines_in_a_continuation_are_masked_with_spaces_including_their_line_break()
    {
        var shell = new RecordingShellParser();
        const string text = "FROM alpine\nRUN set -eux; \\\n    # fetch\n\n    apk add git; \\\n    git --version\n";

        DockerfileAssert.Facts(text, shell);

        var (start, snippet) = Assert.Single(shell.Calls);
        var host = text[start..(start + snippet.Length)];
        Assert.Equal("set -eux; \\\n    # fetch\n\n    apk add git; \\\n    git --version", host);
        Assert.Equal("set -eux; \\\n" + new string(' ', "    # fetch\n\n".Length) + "    apk add git; \\\n    git --version", snippet);
        Assert.Equal(host.Length, snippet.Length);
    }

    [Fact]
    public void Backtick_continuations_become_backslash_newline()
    {
        var shell = new RecordingShellParser();
        const string text = "# escape=`\nFROM alpine\nRUN echo a `\n    && echo b`  \n    && echo c\n";

        DockerfileAssert.Facts(text, shell);

        var (start, snippet) = Assert.Single(shell.Calls);
        Assert.Equal("echo a `\n    && echo b`  \n    && echo c", text[start..(start + snippet.Length)]);
        Assert.Equal("echo a \\\n    && echo b  \\\n    && echo c", snippet);
    }

    [Fact]
    public void Carriage_returns_before_line_breaks_are_masked()
    {
        var shell = new RecordingShellParser();
        const string text = "FROM alpine\r\nRUN echo a \\\r\n  # c\r\n    b\r\n";

        DockerfileAssert.Facts(text, shell);

        var (_, snippet) = Assert.Single(shell.Calls);
        Assert.Equal("echo a  \\\n" + new string(' ', 7) + "    b", snippet);
    }

    [Fact]
    public void Cmd_entrypoint_and_healthcheck_shell_forms_are_parsed_but_exec_form_is_not()
    {
        var shell = new RecordingShellParser();
        const string text = "FROM alpine\nCMD exec nginx\nENTRYPOINT [\"/init\"]\nENTRYPOINT /init \"$@\"\nHEALTHCHECK --retries=3 CMD wget -q -O- localhost\nHEALTHCHECK CMD [\"true\"]\nCOPY a b\n";

        var facts = DockerfileAssert.Facts(text, shell);

        Assert.Equal(["exec nginx", "/init \"$@\"", "wget -q -O- localhost"], shell.Calls.Select(c => c.Snippet));
        Assert.Equal(text.IndexOf("wget", StringComparison.Ordinal), shell.Calls[2].Start);
        Assert.Equal<string>(["true"], facts.Stages[0].Instructions[5].ExecForm);
        Assert.Null(facts.Stages[0].Instructions[2].Shell);
        Assert.NotNull(facts.Stages[0].Instructions[1].Shell);
    }

    [Fact]
    public void A_heredoc_that_is_the_whole_command_hands_over_its_body()
    {
        var shell = new RecordingShellParser();
        const string text = "FROM alpine\nRUN <<EOF\nset -e\napk add git\nEOF\n";

        DockerfileAssert.Facts(text, shell);

        var (start, snippet) = Assert.Single(shell.Calls);
        Assert.Equal(text.IndexOf("set -e", StringComparison.Ordinal), start);
        Assert.Equal("set -e\napk add git\n", snippet);
    }

    [Fact]
    public void A_heredoc_fed_to_a_program_is_parsed_as_shell_only_for_a_shell()
    {
        var shell = new RecordingShellParser();

        DockerfileAssert.Facts("FROM python\nRUN <<EOT bash -e\n  apt-get update\nEOT\nRUN <<EOT python3\nprint(1)\nEOT\n", shell);

        Assert.Equal(["  apt-get update\n"], shell.Calls.Select(c => c.Snippet));
    }

    [Fact]
    public void A_command_with_heredocs_hands_over_the_command_and_the_heredocs()
    {
        var shell = new RecordingShellParser();
        const string text = "FROM alpine\nRUN cat <<EOF > /etc/app.conf\nkey=value\nEOF\n";

        DockerfileAssert.Facts(text, shell);

        var (start, snippet) = Assert.Single(shell.Calls);
        Assert.Equal(text.IndexOf("cat", StringComparison.Ordinal), start);
        Assert.Equal("cat <<EOF > /etc/app.conf\nkey=value\nEOF", snippet);
    }

    [Fact]
    public void A_heredoc_script_with_a_non_shell_shebang_is_not_parsed_as_shell()
    {
        var shell = new RecordingShellParser();

        DockerfileAssert.Facts("FROM python\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\nRUN <<EOF\n#!/bin/bash\necho 1\nEOF\n", shell);

        Assert.Equal(["#!/bin/bash\necho 1\n"], shell.Calls.Select(c => c.Snippet));
    }

    [Fact]
    public void After_a_non_posix_shell_instruction_run_is_not_parsed_as_shell()
    {
        var shell = new RecordingShellParser();

        DockerfileAssert.Facts("FROM mcr.microsoft.com/powershell AS ps\nRUN echo before\nSHELL [\"pwsh\", \"-Command\"]\nRUN Write-Host hi\nFROM ps\nRUN Write-Host inherited\nFROM alpine\nRUN echo again\n", shell);

        Assert.Equal(["echo before", "echo again"], shell.Calls.Select(c => c.Snippet));
    }

    [Fact]
    public void Shell_issues_are_reported_with_their_dockerfile_line()
    {
        var shell = new RecordingShellParser { IssuesToReturn = [new ParseIssue(3, 7, "syntax error near 'fi'")] };

        var parsed = DockerfileAssert.Parse("FROM alpine\nRUN if true; then \\\n  echo; fi fi\n", shell);

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal(new ParseIssue(3, 7, "shell in RUN: syntax error near 'fi'"), issue);
    }

    [Fact]
    public void A_failing_shell_parser_is_reported_once_per_file()
    {
        var shell = new RecordingShellParser { Fail = true };

        var parsed = DockerfileAssert.Parse("FROM alpine\nRUN a\nRUN b\n", shell);

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal(2, issue.Line);
        Assert.Equal("shell-form RUN was not parsed as shell: library missing", issue.Message);
        Assert.Equal(2, shell.Calls.Count);
    }

    [Fact]
    public void Without_a_shell_parser_the_body_is_words_and_shell_facts_are_null()
    {
        var source = new SourceText("FROM alpine\nRUN echo $HOME\n");
        var parsed = new Consolidate.Analyzers.Frontends.Dockerfile.DockerfileFrontend(null)
            .Parse(new SourceDocument("Dockerfile", Language.Dockerfile, [], source, null), CancellationToken.None);

        Assert.Null(Assert.IsType<DockerfileFacts>(parsed.Facts).Single("RUN").Shell);
        Assert.Equal([(TokenKind.Literal, "echo"), (TokenKind.Identifier, "$HOME")], parsed.Tokens.Skip(3).Select(t => (t.Kind, t.Text)));
    }
}
