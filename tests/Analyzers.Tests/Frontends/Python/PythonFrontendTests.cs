using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Python;

[Collection(PythonWorkersCollection.Name)]
public sealed class PythonFrontendTests(PythonWorkersFixture workers)
{
    [Fact]
    public void Symbols_are_functions_classes_and_methods_with_their_container()
    {
        const string Source = """
            def top(): pass

            @decorator(1)
            class Agent(Base):
                def run(self): pass
                async def stop(self): pass
                class Config:
                    def load(self): pass

            def outer():
                def helper(): pass

            """;
        var (text, parsed) = Parse(Source);

        Assert.Equal(
            [
                (SymbolKind.Function, "top"),
                (SymbolKind.Class, "Agent"),
                (SymbolKind.Method, "Agent.run"),
                (SymbolKind.Method, "Agent.stop"),
                (SymbolKind.Class, "Agent.Config"),
                (SymbolKind.Method, "Agent.Config.load"),
                (SymbolKind.Function, "outer"),
                (SymbolKind.Function, "outer.<locals>.helper"),
            ],
            parsed.Symbols.Select(s => (s.Kind, s.QualifiedName)));
        Assert.Equal("Agent", parsed.Symbols[2].Container);
        Assert.Equal("def run(self): pass", text.Slice(parsed.Symbols[2].Span));
        Assert.StartsWith("@decorator(1)\nclass Agent(Base):", text.Slice(parsed.Symbols[1].Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_are_classed_in_order_and_their_text_is_the_slice()
    {
        var (_, parsed) = Parse("def f(x):\n    return x + 1.5  # half\ns = 'q' if f else None\n");

        Assert.Equal(
            [
                (TokenKind.Keyword, "def"), (TokenKind.Identifier, "f"), (TokenKind.Keyword, "("), (TokenKind.Identifier, "x"),
                (TokenKind.Keyword, ")"), (TokenKind.Keyword, ":"), (TokenKind.Keyword, "return"), (TokenKind.Identifier, "x"),
                (TokenKind.Keyword, "+"), (TokenKind.Literal, "1.5"), (TokenKind.Comment, "# half"), (TokenKind.Identifier, "s"),
                (TokenKind.Keyword, "="), (TokenKind.Literal, "'q'"), (TokenKind.Keyword, "if"), (TokenKind.Identifier, "f"),
                (TokenKind.Keyword, "else"), (TokenKind.Keyword, "None"),
            ],
            parsed.Tokens.Select(t => (t.Kind, t.Text)));
    }

    [Fact]
    public void An_f_string_is_one_literal_on_every_python_version()
    {
        var (_, parsed) = Parse("msg = f\"{a!r:>{w}} and {b}\" + rest\n");

        Assert.Equal(
            [(TokenKind.Identifier, "msg"), (TokenKind.Keyword, "="), (TokenKind.Literal, "f\"{a!r:>{w}} and {b}\""), (TokenKind.Keyword, "+"), (TokenKind.Identifier, "rest")],
            parsed.Tokens.Select(t => (t.Kind, t.Text)));
    }

    [Fact]
    public void The_tree_nests_definitions_statements_and_compound_bodies()
    {
        const string Source = """
            import os
            def f(x):
                if x:
                    return 1
                else:
                    return 2
            try:
                pass
            except ValueError:
                raise

            """;
        var (text, parsed) = Parse(Source);

        var root = parsed.Root;
        Assert.Equal(NodeKind.File, root.Kind);
        Assert.Equal(text.Span(0, text.Text.Length), root.Span);
        Assert.Equal([NodeKind.Statement, NodeKind.Function, NodeKind.Statement], root.Children.Select(c => c.Kind));
        var function = root.Children[1];
        Assert.Equal("f", function.Name);
        var ifStatement = Assert.Single(function.Children);
        Assert.Equal("If", ifStatement.RawKind);
        Assert.Equal(["body", "orelse"], ifStatement.Children.Select(b => b.RawKind));
        Assert.All(ifStatement.Children, b => Assert.Equal(NodeKind.Block, b.Kind));
        Assert.Equal("return 2", text.Slice(Assert.Single(ifStatement.Children[1].Children).Span));
        var tryStatement = root.Children[2];
        Assert.Equal(["body", "handler"], tryStatement.Children.Select(b => b.RawKind));
        Assert.Equal("except ValueError:\n    raise", text.Slice(tryStatement.Children[1].Span));
    }

    [Fact]
    public void Syntax_error_is_an_issue_at_its_line_and_tokens_are_still_there()
    {
        var document = PythonSource.Document("a = 1\nb = 2\nc = = 3\nd = 4\n");

        var parsed = workers.Frontend.Parse(document, CancellationToken.None);

        Assert.False(parsed.Failed);
        var issue = Assert.Single(parsed.Issues);
        Assert.Equal((3, 5), (issue.Line, issue.Column));
        Assert.Equal("SyntaxError: invalid syntax", issue.Message);
        Assert.Equal(13, parsed.Tokens.Length);
        Assert.Null(parsed.Facts);
        PythonSource.AssertWellFormed(parsed, document.Text);
    }

    [Fact]
    public void Python_2_print_statement_is_an_issue()
    {
        var document = PythonSource.Document("import os\nprint \"hello\"\n");

        var parsed = workers.Frontend.Parse(document, CancellationToken.None);

        Assert.False(parsed.Failed);
        var issue = Assert.Single(parsed.Issues);
        Assert.Equal(2, issue.Line);
        Assert.StartsWith("SyntaxError: Missing parentheses in call to 'print'", issue.Message, StringComparison.Ordinal);
        Assert.Equal(["import", "os", "print", "\"hello\""], parsed.Tokens.Select(t => t.Text));
    }

    [Fact]
    public void Unterminated_triple_quoted_string_keeps_the_tokens_before_it()
    {
        var document = PythonSource.Document("x = 1\ns = \"\"\"never closed\n");

        var parsed = workers.Frontend.Parse(document, CancellationToken.None);

        Assert.Equal(2, Assert.Single(parsed.Issues).Line);
        // tree-sitter recovers past the opening quotes (a literal of their own) and reads on; CPython's tokenize stopped.
        Assert.Equal(
            [
                (TokenKind.Identifier, "x"), (TokenKind.Keyword, "="), (TokenKind.Literal, "1"), (TokenKind.Identifier, "s"), (TokenKind.Keyword, "="),
                (TokenKind.Literal, "\"\"\""), (TokenKind.Identifier, "never"), (TokenKind.Identifier, "closed"),
            ],
            parsed.Tokens.Select(t => (t.Kind, t.Text)));
        PythonSource.AssertWellFormed(parsed, document.Text);
    }

    [Fact]
    public void Latin1_byte_in_a_comment_without_cookie_is_an_issue_but_the_file_is_still_read()
    {
        // CPython's ast.parse accepts it (a stray byte in a comment is never decoded) and importing works, but
        // `python3 file.py` refuses it: reported as an issue, with the facts CPython's ast gives.
        var document = PythonSource.Document([.. "x = 1\n# caf"u8, 0xE9, .. "\nimport os\n"u8]);

        var parsed = workers.Frontend.Parse(document, CancellationToken.None);

        Assert.False(parsed.Failed);
        var issue = Assert.Single(parsed.Issues);
        Assert.Equal((2, 6), (issue.Line, issue.Column));
        Assert.Contains("Non-UTF-8 code starting with '\\xe9'", issue.Message, StringComparison.Ordinal);
        Assert.Equal(["x", "=", "1", "# café", "import", "os"], parsed.Tokens.Select(t => t.Text));
        Assert.Equal("os", Assert.Single(Assert.IsType<PythonFacts>(parsed.Facts).Imports).Module);
    }

    [Fact]
    public void Latin1_byte_in_a_string_without_cookie_is_a_syntax_error_with_tokens()
    {
        var document = PythonSource.Document([.. "s = 'caf"u8, 0xE9, .. "'\n"u8]);

        var parsed = workers.Frontend.Parse(document, CancellationToken.None);

        Assert.Contains(parsed.Issues, i => i.Line == 1 && i.Message.Contains("utf-8", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["s", "=", "'café'"], parsed.Tokens.Select(t => t.Text));
    }

    [Fact]
    public void Latin1_file_with_a_coding_cookie_is_ok()
    {
        var document = PythonSource.Document([.. "# -*- coding: latin-1 -*-\ns = 'caf"u8, 0xE9, .. "'; t = 1\n"u8]);

        var parsed = workers.Frontend.Parse(document, CancellationToken.None);

        Assert.Empty(parsed.Issues);
        Assert.Equal(["# -*- coding: latin-1 -*-", "s", "=", "'café'", ";", "t", "=", "1"], parsed.Tokens.Select(t => t.Text));
        Assert.Equal(["s", "t"], Assert.IsType<PythonFacts>(parsed.Facts).TopLevelNames.ToArray());
        PythonSource.AssertWellFormed(parsed, document.Text);
    }

    [Fact]
    public void Bom_file_is_ok_and_positions_exclude_the_bom()
    {
        var document = PythonSource.Document([0xEF, 0xBB, 0xBF, .. "import os\nx = 1\n"u8]);

        var parsed = workers.Frontend.Parse(document, CancellationToken.None);

        Assert.Empty(parsed.Issues);
        Assert.Equal(new SourceSpan(0, 6, 1, 1, 1, 7), parsed.Tokens[0].Span);
        Assert.Equal("os", document.Text.Slice(Assert.Single(Assert.IsType<PythonFacts>(parsed.Facts).Imports).ModuleSpan));
    }

    [Fact]
    public void Crlf_file_is_ok_and_spans_stop_before_the_line_break()
    {
        var document = PythonSource.Document("import os\r\ndef f():\r\n    return 1\r\n");

        var parsed = workers.Frontend.Parse(document, CancellationToken.None);

        Assert.Empty(parsed.Issues);
        Assert.Equal("def f():\r\n    return 1", document.Text.Slice(Assert.Single(parsed.Symbols).Span));
        Assert.Equal(["import", "os", "def", "f", "(", ")", ":", "return", "1"], parsed.Tokens.Select(t => t.Text));
        Assert.Equal(3, parsed.Tokens[^1].Span.StartLine);
    }

    [Fact]
    public void Lone_carriage_returns_end_lines_as_in_cpython()
    {
        var document = PythonSource.Document("x = 1\ry = 2\r");

        var parsed = workers.Frontend.Parse(document, CancellationToken.None);

        Assert.Empty(parsed.Issues);
        Assert.Equal([1, 1, 1, 2, 2, 2], parsed.Tokens.Select(t => t.Span.StartLine));
        Assert.Equal(["x", "y"], Assert.IsType<PythonFacts>(parsed.Facts).TopLevelNames.ToArray());
    }

    [Fact]
    public void Empty_file_is_ok()
    {
        var document = PythonSource.Document("");

        var parsed = workers.Frontend.Parse(document, CancellationToken.None);

        Assert.False(parsed.Failed);
        Assert.Empty(parsed.Issues);
        Assert.Empty(parsed.Tokens);
        Assert.Empty(Assert.IsType<PythonFacts>(parsed.Facts).Imports);
    }

    [Fact]
    public void Whitespace_only_file_is_ok()
    {
        var (_, parsed) = Parse("\n\n   \n# only a comment\n");

        Assert.Equal(TokenKind.Comment, Assert.Single(parsed.Tokens).Kind);
    }

    [Fact]
    public void Emoji_before_a_name_gives_utf16_spans()
    {
        var (text, parsed) = Parse("s = \"😀😀\"; name = 1\n");

        var name = parsed.Tokens.Single(t => t.Text == "name");
        Assert.Equal(text.Text.IndexOf("name", StringComparison.Ordinal), name.Span.Start);
        Assert.Equal(new SourceSpan(12, 4, 1, 13, 1, 17), name.Span);
        Assert.Equal("\"😀😀\"", parsed.Tokens[2].Text);
    }

    [Fact]
    public void Emoji_before_a_syntax_error_gives_a_utf16_column()
    {
        var document = PythonSource.Document("s = \"😀\" x\n");

        var parsed = workers.Frontend.Parse(document, CancellationToken.None);

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal((1, document.Text.Text.IndexOf('x', StringComparison.Ordinal) + 1), (issue.Line, issue.Column));
    }

    [Fact]
    public void Non_ascii_identifiers_and_import_names_map_to_utf16()
    {
        var (text, parsed) = Parse("from paquete import función, 𝔘nicode\nvalor = función()\n");

        var facts = Assert.IsType<PythonFacts>(parsed.Facts);
        Assert.Equal(["función", "𝔘nicode"], facts.Imports[0].Names.Select(n => text.Slice(n.Span)));
        // CPython normalizes identifiers (NFKC): the name is "Unicode", the source text stays as written.
        Assert.Equal(["función", "Unicode"], facts.Imports[0].Names.Select(n => n.Name));
    }

    [Fact]
    public void Null_byte_is_an_issue_not_a_failure()
    {
        var document = PythonSource.Document("x = 1\n\0y = 2\n");

        var parsed = workers.Frontend.Parse(document, CancellationToken.None);

        Assert.False(parsed.Failed);
        Assert.Equal(2, Assert.Single(parsed.Issues).Line);
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("[", "]")]
    public void Ten_thousand_nested_brackets_leave_the_worker_alive(string open, string close)
    {
        var deep = PythonSource.Document("x = " + string.Concat(Enumerable.Repeat(open, 10_000)) + string.Concat(Enumerable.Repeat(close, 10_000)) + "\n");

        var parsed = workers.Frontend.Parse(deep, CancellationToken.None);

        Assert.False(parsed.Failed);
        Assert.NotEmpty(parsed.Issues);
        PythonSource.AssertWellFormed(parsed, deep.Text);
        var (_, next) = Parse("import os\n");
        Assert.Equal("os", Assert.Single(Assert.IsType<PythonFacts>(next.Facts).Imports).Module);
    }

    [Fact]
    public void A_thirty_thousand_term_expression_leaves_the_worker_alive()
    {
        // Deep enough for CPython's RecursionError on 3.11+ (and a crash without the worker's big stack on 3.8 - 3.10);
        // not longer, because tokenize in CPython 3.12.0 - 3.12.3 is quadratic on one long line.
        var deep = PythonSource.Document("x = a" + string.Concat(Enumerable.Repeat("+a", 30_000)) + "\n");

        var parsed = workers.Frontend.Parse(deep, CancellationToken.None);

        Assert.False(parsed.Failed);
        Assert.Equal(60_003, parsed.Tokens.Length);
        var (_, next) = Parse("y = 2\n");
        Assert.Equal(["y"], Assert.IsType<PythonFacts>(next.Facts).TopLevelNames.ToArray());
    }

    [Fact]
    public void A_large_file_parses_within_the_budget()
    {
        var source = string.Concat(Enumerable.Range(0, 6_000).Select(i => $"def f{i}(a, b=\"é{i}\"):\n    return a + b * {i}  # c\n\n"));

        var (_, parsed) = Parse(source);

        Assert.Equal(6_000, parsed.Symbols.Length);
        Assert.Equal(6_000 * 17, parsed.Tokens.Length);
    }

    [Fact]
    public void A_long_line_with_astral_characters_maps_every_token()
    {
        // Long enough to show nothing is quadratic here, short enough for CPython 3.12.0 - 3.12.3, whose tokenize is.
        var source = "x = [" + string.Concat(Enumerable.Repeat("\"😀\", y, ", 3_000)) + "]\n";

        var (text, parsed) = Parse(source);

        Assert.Equal(3 + (3_000 * 4) + 1, parsed.Tokens.Length);
        Assert.Equal(text.Text.LastIndexOf('y'), parsed.Tokens[^3].Span.Start);
    }

    [Fact]
    public void Test_commands_are_refused_by_a_normal_worker_which_stays_in_use()
    {
        var started = workers.Pool.WorkersStarted;

        var parsed = workers.Frontend.Parse(PythonSource.Document("x = 1\n"), "crash", CancellationToken.None);

        Assert.True(parsed.Failed);
        Assert.Contains("unknown request type 'crash'", Assert.Single(parsed.Issues).Message, StringComparison.Ordinal);
        Assert.False(Parse("x = 1\n").Parsed.Failed);
        Assert.Equal(started, workers.Pool.WorkersStarted);
    }

    [Fact]
    public void Concurrent_parses_share_the_workers()
    {
        var results = new ParsedSource[24];

        Parallel.For(0, results.Length, i => results[i] = workers.Frontend.Parse(PythonSource.Document($"import m{i}\n"), CancellationToken.None));

        Assert.Equal(
            Enumerable.Range(0, results.Length).Select(i => $"m{i}"),
            results.Select(r => Assert.Single(Assert.IsType<PythonFacts>(r.Facts).Imports).Module));
        Assert.True(workers.Pool.WorkersStarted <= workers.Pool.Size, $"{workers.Pool.WorkersStarted} workers for a pool of {workers.Pool.Size}");
    }

    [Fact]
    public void A_cancelled_token_throws_before_any_work()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => workers.Frontend.Parse(PythonSource.Document("x = 1\n"), cancelled.Token));
    }

    private (SourceText Text, ParsedSource Parsed) Parse(string source)
    {
        var document = PythonSource.Document(source);
        var parsed = workers.Frontend.Parse(document, CancellationToken.None);
        Assert.Empty(parsed.Issues);
        Assert.False(parsed.Failed);
        PythonSource.AssertWellFormed(parsed, document.Text);
        return (document.Text, parsed);
    }
}
