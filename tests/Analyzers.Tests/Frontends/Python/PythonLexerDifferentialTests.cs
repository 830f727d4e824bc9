using System.Collections.Immutable;
using Consolidate.Analyzers.Frontends.Python;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Scanning;
using Consolidate.Analyzers.Tests.Catalog;
using CsCheck;

namespace Consolidate.Analyzers.Tests.Frontends.Python;

/// <summary>
/// <see cref="PythonLexer"/> against the tree-sitter tokens it replaces in the CLI (<see cref="PythonTreeSitterTokenizer"/>):
/// the same kinds, texts and spans on every text tree-sitter-python parses without error (fixtures, samples, generated
/// Python and token soup), and on the recoveries both make the same way. Where the lexer differs on purpose (words
/// tree-sitter classes by their place in the tree; some of tree-sitter's error recoveries), the test says what the lexer
/// does instead.
/// </summary>
public sealed class PythonLexerDifferentialTests : IDisposable
{
    private static readonly string[] FixtureFolders = ["samples", "tests/Fixtures"];

    private readonly TreeSitterReference reference = new();

    public void Dispose() => reference.Dispose();

    [Fact]
    public void Every_python_fixture_and_sample_gives_tree_sitters_tokens()
    {
        var compared = 0;
        foreach (var folder in FixtureFolders)
        {
            foreach (var file in new RepositoryScanner(new ScanOptions()).Scan(Path.Combine(RuleCatalogTests.RepoRoot, folder), CancellationToken.None))
            {
                if (file.Language != Language.Python || file.Document is null)
                    continue;
                Assert.True(
                    reference.Tokens(file.Document.Text).SequenceEqual(PythonLexerTests.Lex(file.Document.Text)),
                    $"{folder}/{file.Path}: tokens differ from tree-sitter's");
                compared++;
            }
        }

        Assert.True(compared >= 80, $"only {compared} Python files compared");
    }

    [Fact]
    public void Generated_python_that_tree_sitter_reads_without_error_gives_its_tokens()
    {
        var samples = 0;
        var compared = 0;
        GeneratedPython.File.Sample(
            source =>
            {
                samples++;
                if (reference.HasError(source))
                    return;
                compared++;
                var text = new SourceText(source);
                Assert.Equal(reference.Tokens(text).ToArray(), PythonLexerTests.Lex(text).ToArray());
            },
            iter: 300,
            threads: 1);

        // Most generated files are valid Python, so most samples are compared (a generator gone wrong would hide that).
        Assert.True(compared * 2 > samples, $"only {compared} of {samples} generated files had no tree-sitter error");
    }

    [Fact]
    public void Token_soup_that_tree_sitter_reads_without_error_gives_its_tokens_but_async_and_await()
    {
        var compared = 0;
        GeneratedPython.Soup.Sample(
            source =>
            {
                if (reference.HasError(source))
                    return;
                var text = new SourceText(source);
                var treeSitter = reference.Tokens(text).Select(AsyncAndAwaitAsKeywords).ToArray();
                var lexed = PythonLexerTests.Lex(text).ToArray();
                if (SplitsAnOperator(treeSitter, lexed))
                    return; // the documented difference (see the test on "**" below), asserted there
                compared++;
                Assert.Equal(treeSitter, lexed);
            },
            iter: 2000,
            threads: 1);

        Assert.True(compared > 100, $"only {compared} soups had no tree-sitter error");
    }

    [Fact]
    public void Keywords_operators_names_numbers_strings_and_comments_are_classed_in_order()
    {
        Assert.Equal(
            [
                (TokenKind.Keyword, "def"), (TokenKind.Identifier, "f"), (TokenKind.Keyword, "("), (TokenKind.Identifier, "x"),
                (TokenKind.Keyword, ","), (TokenKind.Keyword, "*"), (TokenKind.Identifier, "a"), (TokenKind.Keyword, ")"),
                (TokenKind.Keyword, "->"), (TokenKind.Identifier, "int"), (TokenKind.Keyword, ":"), (TokenKind.Comment, "# doc"),
                (TokenKind.Keyword, "return"), (TokenKind.Identifier, "x"), (TokenKind.Keyword, "**"), (TokenKind.Literal, "2"),
                (TokenKind.Keyword, "if"), (TokenKind.Identifier, "x"), (TokenKind.Keyword, "is"), (TokenKind.Keyword, "not"),
                (TokenKind.Keyword, "None"), (TokenKind.Keyword, "else"), (TokenKind.Keyword, "..."),
            ],
            SameAsTreeSitter("def f(x, *a) -> int:  # doc\n    return x ** 2 if x is not None else ...\n", treeSitterError: false));
    }

    [Fact]
    public void Soft_keywords_python_2_words_and_future_are_identifiers_in_a_match_statement_too()
    {
        var tokens = SameAsTreeSitter(
            "from __future__ import annotations\nmatch p:\n    case [_, *rest]:\n        type X = int\nprint \"py2\"\nexec code\n",
            treeSitterError: false);

        Assert.Equal(
            ["__future__", "annotations", "match", "p", "case", "_", "rest", "type", "X", "int", "print", "exec", "code"],
            tokens.Where(t => t.Kind == TokenKind.Identifier).Select(t => t.Text));
    }

    [Fact]
    public void Every_number_form_is_one_literal()
    {
        const string Numbers = "0 7 1_000 0x_1F 0XFF 0o17 0O7_7 0b1010 0B1_0 1.5 1. .5 1e10 1E-5 1.5e+3 1_0.0_1e1_0 2j 1.5J 1e5j .5j 00 10L 0xFFl 0777 1_.5";

        var tokens = SameAsTreeSitter($"x = [{Numbers.Replace(" ", ", ", StringComparison.Ordinal)}]\n", treeSitterError: false);

        Assert.Equal(Numbers.Split(' '), tokens.Where(t => t.Kind == TokenKind.Literal).Select(t => t.Text));
    }

    [Fact]
    public void A_number_ends_where_tree_sitters_longest_match_ends()
    {
        Assert.Equal(
            [
                (TokenKind.Identifier, "a"), (TokenKind.Keyword, "="), (TokenKind.Literal, "1"), (TokenKind.Keyword, "if"), (TokenKind.Identifier, "x"),
                (TokenKind.Keyword, "else"), (TokenKind.Literal, "1."), (TokenKind.Keyword, "."), (TokenKind.Identifier, "real"),
            ],
            SameAsTreeSitter("a = 1if x else 1..real\n", treeSitterError: false));
    }

    [Fact]
    public void Every_string_prefix_in_any_case_and_a_backquote_make_one_literal()
    {
        string[] strings = ["u'a'", "Rb'b'", "bR'c'", "Ur'd'", "fu'e'", "tr'f'", "ub'g'", "B\"h\"", "rF'i'", "T'j'", "`k`"];

        var tokens = SameAsTreeSitter($"s = ({string.Join(", ", strings)})\n", treeSitterError: false);

        Assert.Equal(strings, tokens.Where(t => t.Kind == TokenKind.Literal).Select(t => t.Text));
    }

    [Theory]
    [InlineData("'a\\'b'")]
    [InlineData("\"a\\\\\"")]
    [InlineData("r'a\\'b'")]
    [InlineData("'''a\n''b\"\"\"c'''")]
    [InlineData("\"\"\"a\\\"\"\"b\"\"\"")]
    [InlineData("'one \\\ntwo'")]
    [InlineData("r'one \\\r\ntwo'")]
    [InlineData("b'\\N{x}'|\"\\N{EM DASH}\"|'\\x41\\101\\u00e9'")]
    public void Escapes_and_line_continuations_stay_inside_their_string(string literals)
    {
        var tokens = SameAsTreeSitter($"s = {literals.Replace('|', ' ')}\n", treeSitterError: false);

        Assert.Equal(["s", "=", .. literals.Split('|')], tokens.Select(t => t.Text));
    }

    [Theory]
    [InlineData("f\"{a!r:>{w}} and {b}\"")]
    [InlineData("f'{x[\"k\"]:{fmt}} {{literal}}'")]
    [InlineData("rf\"\"\"{a}\n{f'{b}'}\"\"\"")]
    [InlineData("f\"{x[\"same quotes\"]}\"")]
    [InlineData("f'{x:#x}{y=}{z = !s:^{n}}'")]
    [InlineData("f\"{ {'a': 1}['a'] }\"")]
    [InlineData("f'{(lambda x: x)(1):{w}.{p}}'")]
    [InlineData("t'{name!r} \\N{EM DASH} {{x}}'")]
    [InlineData("f'''{x # a comment in a field\n}'''")]
    public void An_f_string_with_nested_fields_strings_and_specs_is_one_literal(string literal)
    {
        Assert.Equal(
            [(TokenKind.Identifier, "msg"), (TokenKind.Keyword, "="), (TokenKind.Literal, literal), (TokenKind.Keyword, "+"), (TokenKind.Identifier, "rest")],
            SameAsTreeSitter($"msg = {literal} + rest\n", treeSitterError: false));
    }

    [Fact]
    public void Deeply_nested_f_strings_in_the_same_quotes_are_one_literal()
    {
        var nested = "x";
        for (var level = 0; level < 40; level++)
            nested = "f\"{" + nested + "}\"";

        Assert.Equal(
            [(TokenKind.Identifier, "s"), (TokenKind.Keyword, "="), (TokenKind.Literal, nested)],
            SameAsTreeSitter($"s = {nested}\n", treeSitterError: false));
    }

    [Fact]
    public void Operators_are_read_longest_first()
    {
        string[] operators = ["**=", "//=", ">>=", "<<=", "->", ":=", "...", "!=", "@=", "|=", "^=", "&=", "%=", "==", "<=", ">=", "<>", "**", "//", "<<", ">>", "~"];

        var tokens = SameAsTreeSitter(
            "x **= 1; x //= 1; x >>= 1; x <<= 1\ndef f() -> T: pass\nif (y := 1) != 2: x @= y\nx |= 1; x ^= 1; x &= 1; x %= 1\nz = a == b <= c >= d <> e\nz = a ** b // c << d >> ~e\nz = ...\n",
            treeSitterError: false);

        Assert.Equal(operators.Order(StringComparer.Ordinal), tokens.Where(t => t.Kind == TokenKind.Keyword && operators.Contains(t.Text)).Select(t => t.Text).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dots_of_a_relative_import_are_read_as_cpython_tokenize_reads_them()
    {
        Assert.Equal(
            ["from", "...", "import", "x", "from", "...", ".", "pkg", "import", "y", "from", ".", ".", ".", "import", "z", "from", "...", "...", "m", "import", "w"],
            SameAsTreeSitter("from ... import x\nfrom ....pkg import y\nfrom . . . import z\nfrom ......m import w\n", treeSitterError: false).Select(t => t.Text));
    }

    [Fact]
    public void Crlf_lone_cr_tabs_and_form_feeds_give_tree_sitters_spans()
    {
        SameAsTreeSitter("import os\r\ndef f():\r\n\treturn 1  # one\rx = 1  # two\r\n\fy = 2\rz = 3\r", treeSitterError: false);
    }

    [Fact]
    public void Non_ascii_names_and_surrogate_pairs_give_utf16_spans()
    {
        var tokens = SameAsTreeSitter("s = \"😀é\"; café = 1  # ü 😀\n𝔘nicode = x·y + ℘ + ⅷ\n", treeSitterError: false);

        Assert.Equal(["s", "=", "\"😀é\"", ";", "café", "=", "1", "# ü 😀", "𝔘nicode", "=", "x·y", "+", "℘", "+", "ⅷ"], tokens.Select(t => t.Text));
    }

    [Fact]
    public void Unicode_white_space_separates_tokens_as_tree_sitter_skips_it()
    {
        Assert.Equal(
            ["x", "=", "1", "+", "y", "z"],
            SameAsTreeSitter("x\u00A0= 1\u3000+ y\u2028z\u200B\n", treeSitterError: true).Select(t => t.Text));
    }

    [Fact]
    public void A_bom_is_white_space()
    {
        Assert.Equal(
            [(TokenKind.Identifier, "x"), (TokenKind.Keyword, "="), (TokenKind.Literal, "1"), (TokenKind.Identifier, "y")],
            SameAsTreeSitter("\uFEFFx = 1\n\uFEFFy\n", treeSitterError: false));
    }

    [Fact]
    public void A_backslash_continuation_is_no_token_nor_at_the_end_of_the_file_right_after_a_token()
    {
        Assert.Equal(["x", "=", "1", "+", "2"], SameAsTreeSitter("x = 1 + \\\n    2\n", treeSitterError: false).Select(t => t.Text));
        Assert.Equal(["x", "=", "1"], SameAsTreeSitter("x = 1\\", treeSitterError: false).Select(t => t.Text));
        Assert.Equal(["x", "=", "1"], SameAsTreeSitter("x = 1 \\\r\n", treeSitterError: false).Select(t => t.Text));
    }

    [Fact]
    public void A_backslash_at_the_end_of_the_file_after_white_space_is_an_error_token()
    {
        Assert.Equal(
            [(TokenKind.Identifier, "x"), (TokenKind.Keyword, "="), (TokenKind.Literal, "1"), (TokenKind.Keyword, "\\")],
            SameAsTreeSitter("x = 1 \\", treeSitterError: true));
    }

    [Fact]
    public void A_backslash_before_anything_but_a_line_break_is_an_error_token()
    {
        Assert.Equal(
            [(TokenKind.Identifier, "x"), (TokenKind.Keyword, "="), (TokenKind.Keyword, "$"), (TokenKind.Keyword, "\\"), (TokenKind.Identifier, "y")],
            SameAsTreeSitter("x = $\\ y\n", treeSitterError: true));
    }

    [Fact]
    public void An_unterminated_one_line_string_is_its_quote_and_lexing_goes_on_after_it()
    {
        Assert.Equal(
            [
                (TokenKind.Identifier, "x"), (TokenKind.Keyword, "="), (TokenKind.Literal, "\""), (TokenKind.Identifier, "abc"),
                (TokenKind.Identifier, "y"), (TokenKind.Keyword, "="), (TokenKind.Literal, "2"),
            ],
            SameAsTreeSitter("x = \"abc\ny = 2\n", treeSitterError: true));
    }

    [Fact]
    public void An_unterminated_triple_quoted_string_is_its_quotes_and_lexing_goes_on_after_them()
    {
        Assert.Equal(
            [
                (TokenKind.Identifier, "x"), (TokenKind.Keyword, "="), (TokenKind.Literal, "'''"), (TokenKind.Identifier, "abc"),
                (TokenKind.Identifier, "y"), (TokenKind.Keyword, "="), (TokenKind.Literal, "2"),
            ],
            SameAsTreeSitter("x = '''abc\ny = 2\n", treeSitterError: true));
    }

    [Fact]
    public void An_f_string_whose_nested_string_never_ends_is_its_opening_and_lexing_goes_on_after_it()
    {
        Assert.Equal(
            [
                (TokenKind.Identifier, "s"), (TokenKind.Keyword, "="), (TokenKind.Literal, "f\""), (TokenKind.Keyword, "{"), (TokenKind.Identifier, "x"),
                (TokenKind.Literal, "\""), (TokenKind.Identifier, "y"), (TokenKind.Keyword, "="), (TokenKind.Literal, "1"),
            ],
            SameAsTreeSitter("s = f\"{x\"\ny = 1\n", treeSitterError: true));
    }

    [Fact]
    public void A_string_broken_by_a_blank_line_after_an_escape_goes_on_as_tree_sitter_reads_it()
    {
        // tree-sitter's scanner refuses the second line break; its lexer then reads "\x41" from the content start as an
        // escape token, even in a raw string, and the scanner reads on: one string, no error.
        Assert.Equal(
            [(TokenKind.Identifier, "s"), (TokenKind.Keyword, "="), (TokenKind.Literal, "r\"\\x41\\\r\r\"")],
            SameAsTreeSitter("s = r\"\\x41\\\r\r\"\n", treeSitterError: false));
    }

    [Fact]
    public void Stray_characters_are_one_token_per_run()
    {
        Assert.Equal(
            [
                (TokenKind.Identifier, "x"), (TokenKind.Keyword, "="), (TokenKind.Identifier, "a"), (TokenKind.Keyword, "$$"), (TokenKind.Identifier, "b"),
                (TokenKind.Keyword, "?"), (TokenKind.Identifier, "c"), (TokenKind.Keyword, "!"), (TokenKind.Literal, "2"), (TokenKind.Keyword, "€"),
                (TokenKind.Keyword, "\u001c"), (TokenKind.Identifier, "d"),
            ],
            SameAsTreeSitter("x = a $$b ?c ! 2 €\n\u001cd\n", treeSitterError: true));
    }

    [Fact]
    public void A_bang_before_a_letter_is_tree_sitters_conversion_token_a_literal()
    {
        Assert.Equal(
            [(TokenKind.Identifier, "x"), (TokenKind.Keyword, "="), (TokenKind.Literal, "1"), (TokenKind.Literal, "!r")],
            SameAsTreeSitter("x = 1 !r\n", treeSitterError: true));
    }

    [Fact]
    public void A_nul_is_a_stray_character_and_ends_a_comment()
    {
        Assert.Equal(
            [
                (TokenKind.Identifier, "a"), (TokenKind.Keyword, "\0"), (TokenKind.Identifier, "b"), (TokenKind.Keyword, "="), (TokenKind.Literal, "1"),
                (TokenKind.Comment, "# c"), (TokenKind.Keyword, "\0"), (TokenKind.Identifier, "d"),
            ],
            SameAsTreeSitter("a\0b = 1 # c\0d\n", treeSitterError: true));
    }

    [Fact]
    public void Mismatched_brackets_change_no_token()
    {
        Assert.Equal(
            ["x", "=", "(", "1", ",", "y", "=", "2", ")", "]", "z", "=", "{", "3"],
            SameAsTreeSitter("x = (1,\ny = 2)]\nz = {3\n", treeSitterError: true).Select(t => t.Text));
    }

    [Fact]
    public void Async_and_await_are_always_keywords_where_tree_sitter_makes_names_of_them()
    {
        // Python 3.6 code may use them as names; tree-sitter then aliases them to identifiers. CPython 3.7+ tokenize,
        // whose classes PythonGrammar follows, and a lexer without a tree call them keywords.
        const string Source = "async = 1\nawait = 2\n";

        Assert.Equal(
            [(TokenKind.Keyword, "async"), (TokenKind.Keyword, "="), (TokenKind.Literal, "1"), (TokenKind.Keyword, "await"), (TokenKind.Keyword, "="), (TokenKind.Literal, "2")],
            Lexed(Source));
        Assert.False(reference.HasError(Source));
        Assert.Equal(
            [(TokenKind.Identifier, "async"), (TokenKind.Keyword, "="), (TokenKind.Literal, "1"), (TokenKind.Identifier, "await"), (TokenKind.Keyword, "="), (TokenKind.Literal, "2")],
            TreeSitter(Source));
    }

    [Fact]
    public void A_string_that_never_ends_after_an_escape_is_its_quote_where_tree_sitter_keeps_the_escape()
    {
        const string Source = "x = \"a\\tb\ny = 1\n";

        Assert.Equal(
            [
                (TokenKind.Identifier, "x"), (TokenKind.Keyword, "="), (TokenKind.Literal, "\""), (TokenKind.Identifier, "a"), (TokenKind.Keyword, "\\"),
                (TokenKind.Identifier, "tb"), (TokenKind.Identifier, "y"), (TokenKind.Keyword, "="), (TokenKind.Literal, "1"),
            ],
            Lexed(Source));
        Assert.True(reference.HasError(Source));
        Assert.Equal(
            [
                (TokenKind.Identifier, "x"), (TokenKind.Keyword, "="), (TokenKind.Literal, "\""), (TokenKind.Literal, "\\t"), (TokenKind.Identifier, "b"),
                (TokenKind.Identifier, "y"), (TokenKind.Keyword, "="), (TokenKind.Literal, "1"),
            ],
            TreeSitter(Source));
    }

    [Fact]
    public void A_nul_inside_a_string_leaves_it_unterminated()
    {
        Assert.Equal(
            [
                (TokenKind.Identifier, "x"), (TokenKind.Keyword, "="), (TokenKind.Literal, "\""), (TokenKind.Identifier, "a"), (TokenKind.Keyword, "\0"),
                (TokenKind.Identifier, "c"), (TokenKind.Literal, "\""), (TokenKind.Identifier, "y"), (TokenKind.Keyword, "="), (TokenKind.Literal, "1"),
            ],
            SameAsTreeSitter("x = \"a\0c\"\ny = 1\n", treeSitterError: true));
    }

    [Fact]
    public void In_broken_code_the_longest_token_is_read_where_tree_sitter_reads_what_its_parse_state_allows()
    {
        // After "x" tree-sitter expects an operator, so ".5" is "." then "5"; CPython's tokenize and the lexer read ".5".
        const string Source = "y = x.5\n";

        Assert.Equal([(TokenKind.Identifier, "y"), (TokenKind.Keyword, "="), (TokenKind.Identifier, "x"), (TokenKind.Literal, ".5")], Lexed(Source));
        Assert.True(reference.HasError(Source));
        Assert.Equal(
            [(TokenKind.Identifier, "y"), (TokenKind.Keyword, "="), (TokenKind.Identifier, "x"), (TokenKind.Keyword, "."), (TokenKind.Literal, "5")],
            TreeSitter(Source));
    }

    [Fact]
    public void An_operator_tree_sitter_splits_by_its_parse_state_is_one_token_even_where_it_finds_no_error()
    {
        // Token soup CsCheck found (seed 3RbXp-c5HWL3): tree-sitter reads the line "**" as "*" "*" and reports no error
        // for the whole text; CPython's tokenize, like the lexer, reads "**" (and ast rejects the text).
        const string Source = "℘#c\n**\nabc[t:t, ::-1, ...]#c\nis1e5j#";

        Assert.Contains((TokenKind.Keyword, "**"), Lexed(Source));
        Assert.False(reference.HasError(Source));
        var treeSitter = TreeSitter(Source);
        Assert.DoesNotContain((TokenKind.Keyword, "**"), treeSitter);
        Assert.Equal(2, treeSitter.Count(t => t == (TokenKind.Keyword, "*")));
        var text = new SourceText(Source);
        Assert.True(SplitsAnOperator(reference.Tokens(text).ToArray(), PythonLexerTests.Lex(text).ToArray()));
    }

    /// <summary>
    /// Whether tree-sitter read an operator the lexer reads whole (two or more operator characters) as a shorter token:
    /// it decides by its parse state, which a lexer does not have.
    /// </summary>
    private static bool SplitsAnOperator(Token[] treeSitter, Token[] lexed)
    {
        var shorterAt = treeSitter.Where(t => t.Kind == TokenKind.Keyword).ToDictionary(t => t.Span.Start, t => t.Span.Length);
        return lexed.Any(t => t.Kind == TokenKind.Keyword && t.Text.Length >= 2 && t.Text.All(c => !char.IsLetterOrDigit(c) && c != '_')
            && shorterAt.TryGetValue(t.Span.Start, out var length) && length < t.Span.Length);
    }

    private static Token AsyncAndAwaitAsKeywords(Token token) =>
        token is { Kind: TokenKind.Identifier, Text: "async" or "await" } ? token with { Kind = TokenKind.Keyword } : token;

    /// <summary>The lexer's tokens, after checking they equal tree-sitter's (kind, text and span) and tree-sitter's verdict.</summary>
    private (TokenKind Kind, string Text)[] SameAsTreeSitter(string source, bool treeSitterError)
    {
        var text = new SourceText(source);
        var lexed = PythonLexerTests.Lex(text);

        Assert.Equal(treeSitterError, reference.HasError(source));
        Assert.Equal(reference.Tokens(text).ToArray(), lexed.ToArray());
        return lexed.Select(t => (t.Kind, t.Text)).ToArray();
    }

    private static (TokenKind Kind, string Text)[] Lexed(string source) =>
        PythonLexerTests.Lex(new SourceText(source)).Select(t => (t.Kind, t.Text)).ToArray();

    private (TokenKind Kind, string Text)[] TreeSitter(string source) =>
        reference.Tokens(new SourceText(source)).Select(t => (t.Kind, t.Text)).ToArray();
}
