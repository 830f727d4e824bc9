using System.Collections.Immutable;
using System.Text;
using Consolidate.Analyzers.Frontends.Python;
using Consolidate.Analyzers.Model;
using CsCheck;

namespace Consolidate.Analyzers.Tests.Frontends.Python;

/// <summary>
/// <see cref="PythonLexer"/> on its own: the model's promises on any text, budget and cancellation, inputs that would
/// make a naive lexer recurse or rescan, and sharing of token texts. Agreement with tree-sitter is
/// <see cref="PythonLexerDifferentialTests"/>.
/// </summary>
public sealed class PythonLexerTests
{
    [Fact]
    public void Empty_and_blank_texts_have_no_tokens()
    {
        Assert.Empty(Lex(new SourceText("")));
        Assert.Empty(Lex(new SourceText("\n\n   \n\f\n\r\n\t\uFEFF")));
    }

    [Fact]
    public void Random_strings_never_throw_and_keep_the_invariants() =>
        Gen.String[0, 200].Sample(text => Lex(new SourceText(text)), iter: 2000);

    [Fact]
    public void Strings_of_quotes_braces_backslashes_and_breaks_never_throw_and_keep_the_invariants() =>
        Gen.Char["'\"`{}\\\n\r#frbut:!()=x \0\t"].Array[0, 80].Select(chars => new string(chars))
            .Sample(text => Lex(new SourceText(text)), iter: 5000);

    [Fact]
    public void Token_soup_never_throws_and_keeps_the_invariants() =>
        GeneratedPython.Soup.Sample(text => Lex(new SourceText(text)), iter: 2000);

    [Fact]
    public void A_lone_surrogate_keeps_the_invariants()
    {
        Assert.Equal(["s", "=", "'\uD800'", "t", "=", "1", "# \uDC00", "\uDBFF"], Lex(new SourceText("s = '\uD800'\nt = 1 # \uDC00\n\uDBFF")).Select(t => t.Text));
    }

    [Fact]
    public void A_thousand_nested_f_strings_are_one_literal_without_recursion()
    {
        var nested = new StringBuilder("x");
        for (var level = 0; level < 1000; level++)
            nested.Insert(0, level % 2 == 0 ? "f'{" : "f\"{").Append(level % 2 == 0 ? "}'" : "}\"");

        var tokens = Lex(new SourceText("s = " + nested + "\n"));

        Assert.Equal(nested.ToString(), tokens[^1].Text);
        Assert.Equal(3, tokens.Length);
    }

    [Fact]
    public void Ten_thousand_unclosed_f_strings_are_each_read_once_so_the_budget_holds()
    {
        // Each opening fails at the end of the text; a lexer rereading the rest after every one would take 10^8 steps.
        var text = new SourceText(string.Concat(Enumerable.Repeat("f\"{", 10_000)) + "\n");

        var tokens = PythonLexer.Tokenize(text, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.NotNull(tokens);
        Assert.Equal(20_000, tokens.Value.Length);
    }

    [Fact]
    public void Named_escapes_without_an_end_are_each_read_once_so_the_budget_holds()
    {
        var text = new SourceText("s = '" + string.Concat(Enumerable.Repeat("\\N{", 50_000)) + "'\n");

        var tokens = PythonLexer.Tokenize(text, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.NotNull(tokens);
        Assert.Equal(3, tokens.Value.Length);
    }

    [Fact]
    public void Ten_thousand_nested_brackets_and_a_long_chain_are_read_without_recursion()
    {
        Assert.Equal(20_002, Lex(new SourceText("x = " + new string('(', 10_000) + new string(')', 10_000) + "\n")).Length);
        Assert.Equal(60_003, Lex(new SourceText("x = a" + string.Concat(Enumerable.Repeat("+a", 30_000)) + "\n")).Length);
    }

    [Fact]
    public void A_hundred_thousand_line_file_is_read_within_the_budget()
    {
        var text = new SourceText(string.Concat(Enumerable.Repeat("value = compute(item, 'key', 1.5)  # note\n", 100_000)));

        var tokens = PythonLexer.Tokenize(text, TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.NotNull(tokens);
        Assert.Equal(1_100_000, tokens.Value.Length);
        Assert.Equal(new SourceSpan(4_199_993, 6, 100_000, 36, 100_000, 42), tokens.Value[^1].Span);
    }

    [Fact]
    public void Out_of_budget_is_null_so_the_caller_asks_cpython()
    {
        var text = new SourceText(string.Concat(Enumerable.Repeat("x = [1, 2, 3]\n", 50_000)));

        Assert.Null(PythonLexer.Tokenize(text, TimeSpan.Zero, CancellationToken.None));
        Assert.NotNull(PythonLexer.Tokenize(text, Timeout.InfiniteTimeSpan, CancellationToken.None));
    }

    [Fact]
    public void A_cancelled_token_throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => PythonLexer.Tokenize(new SourceText("x = 1\n"), TimeSpan.FromSeconds(10), cancelled.Token));
        Assert.Throws<OperationCanceledException>(() =>
            PythonLexer.Tokenize(new SourceText(string.Concat(Enumerable.Repeat("x = 1\n", 10_000))), TimeSpan.FromSeconds(10), cancelled.Token));
    }

    [Fact]
    public void Short_token_texts_are_shared_within_a_file()
    {
        var tokens = Lex(new SourceText("name = other + name\nname = 'a much longer string literal than thirty-two characters'\nname = 'a much longer string literal than thirty-two characters'\n"));

        Assert.Same(tokens[0].Text, tokens[4].Text);
        Assert.Same(tokens[0].Text, tokens[5].Text);
        Assert.Same(tokens[1].Text, tokens[6].Text);
        Assert.NotSame(tokens[7].Text, tokens[10].Text);
    }

    /// <summary>The tokens of <paramref name="text"/>, checked against the model's promises: in order, not overlapping, not empty, Text the slice, the span as SourceText computes it.</summary>
    internal static ImmutableArray<Token> Lex(SourceText text)
    {
        var tokens = PythonLexer.Tokenize(text, Timeout.InfiniteTimeSpan, CancellationToken.None);

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
