using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Shell;

public sealed class ShellFrontendTokensTests
{
    private readonly ShellFrontend frontend = new();

    [Fact]
    public void Tokens_are_classed_in_source_order()
    {
        const string text = "# setup\nf() { if [ -f \"$1\" ]; then echo \"a $x b\" | wc -l; fi; }\nN=42\n";

        var parsed = frontend.Parse(text);

        Assert.Equal(
            new (TokenKind, string)[]
            {
                (TokenKind.Comment, "# setup"),
                (TokenKind.Identifier, "f"), (TokenKind.Keyword, "("), (TokenKind.Keyword, ")"), (TokenKind.Keyword, "{"),
                (TokenKind.Keyword, "if"), (TokenKind.Keyword, "["), (TokenKind.Keyword, "-f"),
                (TokenKind.Literal, "\""), (TokenKind.Keyword, "$"), (TokenKind.Identifier, "1"), (TokenKind.Literal, "\""),
                (TokenKind.Keyword, "]"), (TokenKind.Keyword, ";"), (TokenKind.Keyword, "then"),
                (TokenKind.Identifier, "echo"), (TokenKind.Literal, "\"a "), (TokenKind.Keyword, "$"), (TokenKind.Identifier, "x"), (TokenKind.Literal, " b\""),
                (TokenKind.Keyword, "|"), (TokenKind.Identifier, "wc"), (TokenKind.Literal, "-l"), (TokenKind.Keyword, ";"),
                (TokenKind.Keyword, "fi"), (TokenKind.Keyword, ";"), (TokenKind.Keyword, "}"),
                (TokenKind.Identifier, "N"), (TokenKind.Keyword, "="), (TokenKind.Literal, "42"),
            },
            parsed.Tokens.Select(t => (t.Kind, t.Text)));
        ShellTestText.AssertTokensWellFormed(parsed, new SourceText(text), 0, text.Length);
    }

    [Fact]
    public void Tokens_of_a_larger_script_cover_it_in_order()
    {
        const string text = """
            #!/usr/bin/env bash
            set -euo pipefail
            DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
            for f in "$DIR"/*.sh; do
              case "$f" in
                *test*) continue ;;
                *) bash -n "$f" || exit 1 ;;
              esac
            done
            cat <<EOF >> "$DIR/log"
            checked ${#files[@]} files at $(date)
            EOF
            echo $(( 1 + 2 )) >&2
            """;

        var parsed = frontend.Parse(text);

        Assert.Empty(parsed.Issues);
        ShellTestText.AssertTokensWellFormed(parsed, new SourceText(text), 0, text.Length);
        var significant = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        Assert.Equal(significant, string.Concat(string.Concat(parsed.Tokens.Select(t => t.Text)).Where(c => !char.IsWhiteSpace(c))));
    }
}
