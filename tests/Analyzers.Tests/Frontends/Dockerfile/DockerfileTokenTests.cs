using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Dockerfile;

public sealed class DockerfileTokenTests
{
    private static List<(TokenKind, string)> Tokens(string text, RecordingShellParser? shell = null) =>
        DockerfileAssert.Parse(text, shell).Tokens.Select(t => (t.Kind, t.Text)).ToList();

    [Fact]
    public void Keyword_flags_words_and_variable_references()
    {
        var tokens = Tokens("FROM --platform=linux/amd64 ${BASE}:1 AS build\nCOPY --link --chown=$UID:0 src/ \"/app dir\"\n");

        Assert.Equal(
            [
                (TokenKind.Keyword, "FROM"), (TokenKind.Keyword, "--platform="), (TokenKind.Literal, "linux/amd64"),
                (TokenKind.Identifier, "${BASE}"), (TokenKind.Literal, ":1"), (TokenKind.Keyword, "AS"), (TokenKind.Literal, "build"),
                (TokenKind.Keyword, "COPY"), (TokenKind.Keyword, "--link"), (TokenKind.Keyword, "--chown="), (TokenKind.Literal, "$UID:0"),
                (TokenKind.Literal, "src/"), (TokenKind.Literal, "\"/app dir\""),
            ],
            tokens);
    }

    [Fact]
    public void Env_words_split_around_references_and_single_quotes_stay_literal()
    {
        var tokens = Tokens("FROM a\nENV PATH=/opt/bin:$PATH GREETING='hello $USER' X=\"${HOME:-/root}/x\"\n");

        Assert.Equal(
            [
                (TokenKind.Keyword, "FROM"), (TokenKind.Literal, "a"), (TokenKind.Keyword, "ENV"),
                (TokenKind.Literal, "PATH=/opt/bin:"), (TokenKind.Identifier, "$PATH"),
                (TokenKind.Literal, "GREETING='hello $USER'"),
                (TokenKind.Literal, "X=\""), (TokenKind.Identifier, "${HOME:-/root}"), (TokenKind.Literal, "/x\""),
            ],
            tokens);
    }

    [Fact]
    public void Exec_form_punctuation_is_keyword_and_strings_are_literals()
    {
        var tokens = Tokens("FROM a\nCMD [\"echo\", \"$HOME\"]\n");

        Assert.Equal(
            [
                (TokenKind.Keyword, "FROM"), (TokenKind.Literal, "a"), (TokenKind.Keyword, "CMD"), (TokenKind.Keyword, "["),
                (TokenKind.Literal, "\"echo\""), (TokenKind.Keyword, ","), (TokenKind.Literal, "\"$HOME\""), (TokenKind.Keyword, "]"),
            ],
            tokens);
    }

    [Fact]
    public void Comments_are_comment_tokens_and_words_split_at_continuations()
    {
        var tokens = Tokens("# top\nFROM a\nRUN echo one\\\ntwo \\\n  # inside\n  three\n");

        Assert.Equal(
            [
                (TokenKind.Comment, "# top"), (TokenKind.Keyword, "FROM"), (TokenKind.Literal, "a"), (TokenKind.Keyword, "RUN"),
                (TokenKind.Literal, "echo"), (TokenKind.Literal, "one"), (TokenKind.Literal, "two"), (TokenKind.Comment, "# inside"),
                (TokenKind.Literal, "three"),
            ],
            tokens);
    }

    [Fact]
    public void Heredoc_marker_and_terminator_are_keywords_and_the_body_is_words()
    {
        var tokens = Tokens("FROM a\nCOPY <<EOF /etc/motd\nhello $USER\nEOF\n");

        Assert.Equal(
            [
                (TokenKind.Keyword, "FROM"), (TokenKind.Literal, "a"), (TokenKind.Keyword, "COPY"), (TokenKind.Keyword, "<<EOF"),
                (TokenKind.Literal, "/etc/motd"), (TokenKind.Literal, "hello"), (TokenKind.Identifier, "$USER"), (TokenKind.Keyword, "EOF"),
            ],
            tokens);
    }

    [Fact]
    public void Healthcheck_type_and_onbuild_inner_keyword_are_keywords()
    {
        var tokens = Tokens("FROM a\nHEALTHCHECK NONE\nONBUILD ADD . /app\n");

        Assert.Equal(
            [
                (TokenKind.Keyword, "FROM"), (TokenKind.Literal, "a"), (TokenKind.Keyword, "HEALTHCHECK"), (TokenKind.Keyword, "NONE"),
                (TokenKind.Keyword, "ONBUILD"), (TokenKind.Keyword, "ADD"), (TokenKind.Literal, "."), (TokenKind.Literal, "/app"),
            ],
            tokens);
    }

    [Fact]
    public void Shell_parser_tokens_replace_the_words_of_a_run_body()
    {
        var shell = new RecordingShellParser { WordTokens = true };
        var parsed = DockerfileAssert.Parse("FROM a\nRUN --network=none make \\\n  # why\n  install\n", shell);

        var tokens = parsed.Tokens.Select(t => (t.Kind, t.Text, t.Span.StartLine)).ToList();
        Assert.Equal(
            [
                (TokenKind.Keyword, "FROM", 1), (TokenKind.Literal, "a", 1), (TokenKind.Keyword, "RUN", 2), (TokenKind.Keyword, "--network=", 2),
                (TokenKind.Literal, "none", 2), (TokenKind.Literal, "make", 2), (TokenKind.Comment, "# why", 3), (TokenKind.Literal, "install", 4),
            ],
            tokens);
        var shellFacts = Assert.IsType<DockerfileFacts>(parsed.Facts).Single("RUN").Shell!;
        var command = Assert.Single(shellFacts.Commands);
        Assert.Equal(("make", 2), (command.Name.StaticValue, command.Span.StartLine));
        Assert.Equal(["command"], parsed.Root.Children[0].Children[1].Children.Select(n => n.RawKind));
    }
}
