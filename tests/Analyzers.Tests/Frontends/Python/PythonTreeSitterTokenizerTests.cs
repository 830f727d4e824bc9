using System.Collections.Immutable;
using CsCheck;
using Consolidate.Analyzers.Frontends.Python;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Python;

/// <summary>tree-sitter-python tokens on their own, without CPython: classes, order, exact slices, recovery.</summary>
public sealed class PythonTreeSitterTokenizerTests : IDisposable
{
    private readonly PythonTreeSitterTokenizer tokenizer = new();

    public void Dispose() => tokenizer.Dispose();

    [Fact]
    public void Keywords_operators_names_numbers_strings_and_comments_are_classed_in_order()
    {
        var tokens = Tokens("def f(x, *a) -> int:  # doc\n    return x ** 2 + 1.5e3 - 0x1F + 2j if x is not None else ...\n");

        Assert.Equal(
            [
                (TokenKind.Keyword, "def"), (TokenKind.Identifier, "f"), (TokenKind.Keyword, "("), (TokenKind.Identifier, "x"),
                (TokenKind.Keyword, ","), (TokenKind.Keyword, "*"), (TokenKind.Identifier, "a"), (TokenKind.Keyword, ")"),
                (TokenKind.Keyword, "->"), (TokenKind.Identifier, "int"), (TokenKind.Keyword, ":"), (TokenKind.Comment, "# doc"),
                (TokenKind.Keyword, "return"), (TokenKind.Identifier, "x"), (TokenKind.Keyword, "**"), (TokenKind.Literal, "2"),
                (TokenKind.Keyword, "+"), (TokenKind.Literal, "1.5e3"), (TokenKind.Keyword, "-"), (TokenKind.Literal, "0x1F"),
                (TokenKind.Keyword, "+"), (TokenKind.Literal, "2j"), (TokenKind.Keyword, "if"), (TokenKind.Identifier, "x"),
                (TokenKind.Keyword, "is"), (TokenKind.Keyword, "not"), (TokenKind.Keyword, "None"), (TokenKind.Keyword, "else"),
                (TokenKind.Keyword, "..."),
            ],
            tokens.Select(t => (t.Kind, t.Text)));
    }

    [Fact]
    public void True_false_and_none_are_keywords_as_cpython_classes_them()
    {
        Assert.Equal(
            [(TokenKind.Keyword, "True"), (TokenKind.Keyword, "False"), (TokenKind.Keyword, "None")],
            Tokens("a = True, False, None\n").Where(t => t.Text.Length > 1).Select(t => (t.Kind, t.Text)));
    }

    [Fact]
    public void Soft_keywords_python_2_words_and_future_are_identifiers_as_in_cpython_tokenize()
    {
        var tokens = Tokens("from __future__ import annotations\nmatch p:\n    case _:\n        type X = int\nprint \"py2\"\nexec code\n");

        Assert.Equal(
            ["from", "import", ":", ":", "="],
            tokens.Where(t => t.Kind == TokenKind.Keyword).Select(t => t.Text));
        Assert.Equal(
            ["__future__", "annotations", "match", "p", "case", "_", "type", "X", "int", "print", "exec", "code"],
            tokens.Where(t => t.Kind == TokenKind.Identifier).Select(t => t.Text));
    }

    [Fact]
    public void A_string_is_one_literal_and_implicit_concatenation_is_one_per_string()
    {
        var tokens = Tokens("s = (b'\\x00' r\"\\d\"  # why\n     '''multi\nline''' u'x')\n");

        Assert.Equal(
            [
                (TokenKind.Identifier, "s"), (TokenKind.Keyword, "="), (TokenKind.Keyword, "("), (TokenKind.Literal, "b'\\x00'"),
                (TokenKind.Literal, "r\"\\d\""), (TokenKind.Comment, "# why"), (TokenKind.Literal, "'''multi\nline'''"),
                (TokenKind.Literal, "u'x'"), (TokenKind.Keyword, ")"),
            ],
            tokens.Select(t => (t.Kind, t.Text)));
    }

    [Theory]
    [InlineData("f\"{a!r:>{w}} and {b}\"")]
    [InlineData("f'{x[\"k\"]:{fmt}} {{literal}}'")]
    [InlineData("rf\"\"\"{a}\n{f'{b}'}\"\"\"")]
    [InlineData("f\"{x[\"same quotes\"]}\"")]
    public void An_f_string_with_nested_expressions_is_one_literal(string fString)
    {
        var tokens = Tokens($"msg = {fString} + rest\n");

        Assert.Equal(
            [(TokenKind.Identifier, "msg"), (TokenKind.Keyword, "="), (TokenKind.Literal, fString), (TokenKind.Keyword, "+"), (TokenKind.Identifier, "rest")],
            tokens.Select(t => (t.Kind, t.Text)));
    }

    [Fact]
    public void Non_ascii_and_emoji_give_utf16_spans_equal_to_the_slice()
    {
        var text = new SourceText("s = \"😀é\"; café = 1  # ü 😀\nnäme = s\n");

        var tokens = Tokenize(text);

        Assert.Equal(["s", "=", "\"😀é\"", ";", "café", "=", "1", "# ü 😀", "näme", "=", "s"], tokens.Select(t => t.Text));
        Assert.Equal(new SourceSpan(11, 4, 1, 12, 1, 16), tokens[4].Span);
        Assert.Equal(new SourceSpan(28, 4, 2, 1, 2, 5), tokens[8].Span);
    }

    [Fact]
    public void Crlf_line_breaks_are_never_part_of_a_token()
    {
        var text = new SourceText("import os\r\ndef f():\r\n    return 1  # one\r\n");

        var tokens = Tokenize(text);

        Assert.Equal(["import", "os", "def", "f", "(", ")", ":", "return", "1", "# one"], tokens.Select(t => t.Text));
        Assert.Equal([1, 1, 2, 2, 2, 2, 2, 3, 3, 3], tokens.Select(t => t.Span.StartLine));
    }

    [Fact]
    public void A_lone_carriage_return_ends_a_comment_as_in_cpython()
    {
        var text = new SourceText("x = 1  # one\ry = 2  # two\r\nz = 3\r");

        var tokens = Tokenize(text);

        Assert.Equal(["x", "=", "1", "# one", "y", "=", "2", "# two", "z", "=", "3"], tokens.Select(t => t.Text));
        Assert.Equal([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3], tokens.Select(t => t.Span.StartLine));
    }

    [Fact]
    public void Dots_of_a_relative_import_are_read_as_cpython_tokenize_reads_them()
    {
        Assert.Equal(
            ["from", "...", ".", "pkg", "import", "x", "from", ".", ".", "import", "y"],
            Tokens("from ....pkg import x\nfrom . . import y\n").Select(t => t.Text));
    }

    [Fact]
    public void A_backslash_continuation_is_not_a_token()
    {
        Assert.Equal(["x", "=", "1", "+", "2"], Tokens("x = 1 + \\\n    2\n").Select(t => t.Text));
    }

    [Fact]
    public void A_file_with_syntax_errors_still_has_its_tokens_and_comments()
    {
        var tokens = Tokens("# header\nimport os\nprint \"py2\"  # old\ndef broken(:\n    x = = 1\n");

        Assert.Equal(
            [
                (TokenKind.Comment, "# header"), (TokenKind.Keyword, "import"), (TokenKind.Identifier, "os"), (TokenKind.Identifier, "print"),
                (TokenKind.Literal, "\"py2\""), (TokenKind.Comment, "# old"), (TokenKind.Keyword, "def"), (TokenKind.Identifier, "broken"),
                (TokenKind.Keyword, "("), (TokenKind.Keyword, ":"), (TokenKind.Identifier, "x"), (TokenKind.Keyword, "="),
                (TokenKind.Keyword, "="), (TokenKind.Literal, "1"),
            ],
            tokens.Select(t => (t.Kind, t.Text)));
    }

    [Fact]
    public void Characters_python_does_not_know_are_tokens_split_at_white_space()
    {
        var tokens = Tokens("x = 1\n$ ?\ny = 2\n");

        Assert.Equal(
            [
                (TokenKind.Identifier, "x"), (TokenKind.Keyword, "="), (TokenKind.Literal, "1"), (TokenKind.Keyword, "$"), (TokenKind.Keyword, "?"),
                (TokenKind.Identifier, "y"), (TokenKind.Keyword, "="), (TokenKind.Literal, "2"),
            ],
            tokens.Select(t => (t.Kind, t.Text)));
    }

    [Fact]
    public void Empty_and_blank_texts_have_no_tokens()
    {
        Assert.Empty(Tokens(""));
        Assert.Empty(Tokens("\n\n   \n\f\n"));
    }

    [Fact]
    public void A_lone_surrogate_keeps_the_invariants()
    {
        var tokens = Tokens("s = '\uD800'\nt = 1 # \uDC00\n");

        Assert.Equal(["s", "=", "'\uD800'", "t", "=", "1", "# \uDC00"], tokens.Select(t => t.Text));
    }

    [Fact]
    public void Out_of_budget_is_null_so_the_caller_asks_cpython()
    {
        var text = new SourceText(string.Concat(Enumerable.Repeat("x = [1, 2, 3]\n", 50_000)));

        Assert.Null(tokenizer.Tokenize(text, TimeSpan.Zero, CancellationToken.None));
        Assert.NotNull(tokenizer.Tokenize(new SourceText("x = 1\n"), TimeSpan.FromSeconds(10), CancellationToken.None));
    }

    [Fact]
    public void A_cancelled_token_throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => tokenizer.Tokenize(new SourceText("x = 1\n"), TimeSpan.FromSeconds(10), cancelled.Token));
    }

    [Fact]
    public void A_missing_native_library_is_null_with_the_reason_and_probed_once()
    {
        var probes = 0;
        using var missing = new PythonTreeSitterTokenizer(() =>
        {
            probes++;
            throw new DllNotFoundException("libconsolidate_treesitter.so: cannot open shared object file");
        });

        Assert.Null(missing.Tokenize(new SourceText("x = 1\n"), TimeSpan.FromSeconds(10), CancellationToken.None));
        Assert.Null(missing.Tokenize(new SourceText("y = 2\n"), TimeSpan.FromSeconds(10), CancellationToken.None));
        Assert.StartsWith("tree-sitter native library libconsolidate_treesitter.so not found", missing.Unavailable, StringComparison.Ordinal);
        Assert.Equal(1, probes);
    }

    [Fact]
    public void Ten_thousand_nested_brackets_and_a_long_chain_are_read_without_recursion()
    {
        var nested = Tokens("x = " + new string('(', 10_000) + new string(')', 10_000) + "\n");
        var chain = Tokens("x = a" + string.Concat(Enumerable.Repeat("+a", 30_000)) + "\n");

        Assert.Equal(20_002, nested.Length);
        Assert.Equal(60_003, chain.Length);
    }

    [Fact]
    public void Random_texts_keep_the_invariants() =>
        Gen.String[0, 200].Sample(text => Tokens(text), iter: 300);

    [Fact]
    public void Concurrent_calls_share_the_parsers()
    {
        var results = new ImmutableArray<Token>[32];

        Parallel.For(0, results.Length, i => results[i] = Tokens($"import m{i}\n"));

        Assert.All(Enumerable.Range(0, results.Length), i => Assert.Equal($"m{i}", results[i][1].Text));
    }

    private ImmutableArray<Token> Tokens(string source) => Tokenize(new SourceText(source));

    /// <summary>The tokens, checked against the model's promises: in order, not overlapping, not empty, Text the slice.</summary>
    private ImmutableArray<Token> Tokenize(SourceText text)
    {
        var tokens = tokenizer.Tokenize(text, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.NotNull(tokens);
        var previousEnd = 0;
        foreach (var token in tokens.Value)
        {
            Assert.True(token.Span.Start >= previousEnd, $"token '{token.Text}' at {token.Span.Start} overlaps the previous one ending at {previousEnd}");
            Assert.True(token.Span.Length > 0, "empty token");
            Assert.Equal(text.Slice(token.Span), token.Text);
            Assert.Equal(text.Span(token.Span.Start, token.Span.End), token.Span);
            previousEnd = token.Span.End;
        }

        return tokens.Value;
    }
}
