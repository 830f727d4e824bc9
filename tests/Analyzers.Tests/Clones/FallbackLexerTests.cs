using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Clones;

/// <summary>C# files are tokenized by Roslyn's lexer for the clone index; other unparsed files by the word lexer.</summary>
public sealed class FallbackLexerTests
{
    private static (TokenKind Kind, string Text)[] Lex(string text, Language language = Language.CSharp) =>
        FallbackLexer.Tokenize(new SourceText(text), language).Select(t => (t.Kind, t.Text)).ToArray();

    [Fact]
    public void CSharp_verbatim_and_interpolated_strings_are_one_literal_and_comments_are_comments()
    {
        var tokens = Lex("var s = @\"C:\\temp\\\" + $\"{x}//y\"; // note\n");

        Assert.Equal(
            [
                (TokenKind.Keyword, "var"), (TokenKind.Identifier, "s"), (TokenKind.Keyword, "="),
                (TokenKind.Literal, "@\"C:\\temp\\\""), (TokenKind.Keyword, "+"), (TokenKind.Literal, "$\"{x}//y\""),
                (TokenKind.Keyword, ";"), (TokenKind.Comment, "// note"),
            ],
            tokens);
    }

    [Fact]
    public void CSharp_raw_strings_and_block_comments_keep_their_quotes_and_slashes_inside()
    {
        var tokens = Lex("/* a \"quote\" */ string t = \"\"\"\n    say \"hi\" // not a comment\n    \"\"\";\n");

        Assert.Equal(TokenKind.Comment, tokens[0].Kind);
        var raw = Assert.Single(tokens, t => t.Kind == TokenKind.Literal);
        Assert.Contains("// not a comment", raw.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens, t => t.Kind == TokenKind.Comment && t.Text.Contains("not a comment", StringComparison.Ordinal));
    }

    [Fact]
    public void CSharp_preprocessor_lines_and_disabled_code_are_no_tokens()
    {
        var tokens = Lex("#if NEVER\nint hidden = 1;\n#endif\nint shown = 2;\n");

        Assert.Equal(["int", "shown", "=", "2", ";"], tokens.Select(t => t.Text));
    }

    [Fact]
    public void CSharp_tokens_have_the_spans_of_their_text()
    {
        var source = new SourceText("class A\r\n{\r\n    int x = 0x1F; /* c */\r\n}\r\n");
        foreach (var token in FallbackLexer.Tokenize(source, Language.CSharp))
            Assert.Equal(token.Text, source.Text.Substring(token.Span.Start, token.Span.Length));
    }

    [Fact]
    public void Other_languages_keep_every_word_as_written()
    {
        var tokens = Lex("run deploy.sh --fast # go\n", Language.Other);

        Assert.Equal([(TokenKind.Keyword, "run"), (TokenKind.Keyword, "deploy.sh"), (TokenKind.Keyword, "--"), (TokenKind.Keyword, "fast"), (TokenKind.Comment, "# go")], tokens);
    }
}
