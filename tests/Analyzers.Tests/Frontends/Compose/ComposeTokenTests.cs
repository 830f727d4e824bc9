using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Compose;

public sealed class ComposeTokenTests
{
    [Fact]
    public void Keys_values_comments_and_punctuation_are_classed()
    {
        var parsed = ComposeAssert.Parse("# stack\nservices:\n  web:  # front\n    ports: [\"80:80\", 443]\n    labels: {a: b}\n    command:\n      - run\n    image: &img nginx\n    x: *img\n");

        Assert.Equal(
            [
                (TokenKind.Comment, "# stack"), (TokenKind.Identifier, "services"), (TokenKind.Keyword, ":"), (TokenKind.Identifier, "web"), (TokenKind.Keyword, ":"),
                (TokenKind.Comment, "# front"), (TokenKind.Identifier, "ports"), (TokenKind.Keyword, ":"), (TokenKind.Keyword, "["), (TokenKind.Literal, "\"80:80\""),
                (TokenKind.Keyword, ","), (TokenKind.Literal, "443"), (TokenKind.Keyword, "]"), (TokenKind.Identifier, "labels"), (TokenKind.Keyword, ":"),
                (TokenKind.Keyword, "{"), (TokenKind.Identifier, "a"), (TokenKind.Keyword, ":"), (TokenKind.Literal, "b"), (TokenKind.Keyword, "}"),
                (TokenKind.Identifier, "command"), (TokenKind.Keyword, ":"), (TokenKind.Keyword, "-"), (TokenKind.Literal, "run"),
                (TokenKind.Identifier, "image"), (TokenKind.Keyword, ":"), (TokenKind.Identifier, "&img"), (TokenKind.Literal, "nginx"),
                (TokenKind.Identifier, "x"), (TokenKind.Keyword, ":"), (TokenKind.Identifier, "*img"),
            ],
            parsed.Tokens.Select(t => (t.Kind, t.Text)));
    }

    [Fact]
    public void Block_scalars_are_one_literal_without_trailing_blank_lines()
    {
        var parsed = ComposeAssert.Parse("x:\n  cmd: |\n    a\n    b\n\ny: 1\n");

        Assert.Contains(parsed.Tokens, t => t.Kind == TokenKind.Literal && t.Text == "|\n    a\n    b");
    }

    [Fact]
    public void Tokens_before_a_syntax_error_are_kept()
    {
        var parsed = ComposeAssert.Parse("services:\n  web:\n\timage: nginx\n");

        Assert.Equal("services", parsed.Tokens[0].Text);
    }
}
