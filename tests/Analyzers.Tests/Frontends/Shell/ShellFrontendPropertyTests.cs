using CsCheck;
using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Shell;

public sealed class ShellFrontendPropertyTests
{
    private static readonly string[] Fragments =
    [
        "if ", "then ", "else ", "fi", "for ", "in ", "do ", "done", "case ", "esac", ";;", "while ", "function ",
        "f() ", "{ ", "}", "( ", ")", "[[ ", " ]]", "[ ", "]", "$(", "`", "${", "$((", "))", "$", "\"", "'", "\\",
        "<<EOF\n", "<<-'X'\n", "EOF\n", "X", "\n", "\r\n", " ", "\t", ";", "&&", "||", "|", "&", ">", "2>&1", "<",
        "#", "echo ", "cd ", "export A=", "local b", "=", "*", "?", "~", "é", "😀", "\ud800", "x", "0", "-f",
        "dirname \"$0\"", "BASH_SOURCE", "%/*", "pwd", "source ",
    ];

    private readonly ShellFrontend frontend = new();

    [Fact]
    public void Random_shell_like_text_never_throws_and_keeps_the_invariants() =>
        Gen.Int[0, Fragments.Length - 1].Array[0, 60]
            .Select(indexes => string.Concat(indexes.Select(i => Fragments[i])))
            .Sample(CheckWhole, iter: 400);

    [Fact]
    public void Random_characters_never_throw_and_keep_the_invariants() =>
        Gen.String[0, 200].Sample(CheckWhole, iter: 300);

    [Fact]
    public void Random_embedded_snippets_keep_spans_in_the_host() =>
        Gen.Select(Gen.Int[0, 40], Gen.Char["ab $(){}\"'\\\n;|&é"].Array[0, 80], Gen.Int[0, 10])
            .Sample((prefix, chars, suffix) =>
            {
                var snippet = new string(chars);
                var host = new SourceText(new string('#', prefix) + snippet + new string('\n', suffix));

                var parsed = frontend.Parse(host, prefix, snippet, CancellationToken.None);

                Assert.False(parsed.Failed);
                ShellTestText.AssertTokensWellFormed(parsed, host, prefix, prefix + snippet.Length);
                ShellTestText.AssertSpansInside(parsed, host, prefix, prefix + snippet.Length);
            }, iter: 300);

    private void CheckWhole(string text)
    {
        var host = new SourceText(text);

        var parsed = frontend.Parse(text);

        Assert.False(parsed.Failed);
        Assert.Equal(host.Span(0, text.Length), parsed.Root.Span);
        ShellTestText.AssertTokensWellFormed(parsed, host, 0, text.Length);
        ShellTestText.AssertSpansInside(parsed, host, 0, text.Length);
    }
}
