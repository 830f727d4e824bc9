using System.Text;
using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Shell;

public sealed class ShellFrontendLimitsTests
{
    [Fact]
    public void Ten_megabyte_script_parses_or_fails_with_the_budget_message()
    {
        const string unit = """
            DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
            build() {
              local target="$1"
              if [[ -f "$target" ]]; then
                make -C "$DIR/$target" all CFLAGS="-O2" > /dev/null
              fi
              for f in *.txt; do grep -v '^#' "$f" | sort -u > "out/$f"; done
            }

            """;
        var text = new StringBuilder(10 * 1024 * 1024 + unit.Length);
        while (text.Length < 10 * 1024 * 1024)
            text.Append(unit);

        var parsed = new ShellFrontend().Parse(text.ToString());

        if (parsed.Failed)
        {
            Assert.Equal("shell parse exceeded 5 s budget", Assert.Single(parsed.Issues).Message);
            return;
        }

        Assert.Empty(parsed.Issues);
        var copies = text.Length / unit.Length;
        Assert.Equal(copies, parsed.Symbols.Length);
        Assert.Equal(copies * 4, parsed.Facts().Commands.Length);
    }

    [Fact]
    public void Parse_over_budget_fails_with_a_message()
    {
        var frontend = new ShellFrontend(TimeSpan.Zero);

        var parsed = frontend.Parse("echo hello\n");

        Assert.True(parsed.Failed);
        var issue = Assert.Single(parsed.Issues);
        Assert.Equal((1, 1, "shell parse exceeded 0 s budget"), (issue.Line, issue.Column, issue.Message));
        Assert.Null(parsed.Facts);
    }

    [Fact]
    public void Parser_is_reusable_after_a_parse_over_budget()
    {
        var text = string.Concat(Enumerable.Repeat("if true; then echo \"$x\" | grep y; fi\n", 20_000));
        var frontend = new ShellFrontend(TimeSpan.Zero);
        Assert.True(frontend.Parse(text).Failed);

        var parsed = new ShellFrontend().Parse("echo ok\n");

        Assert.False(parsed.Failed);
        Assert.Equal("echo", Assert.Single(parsed.Facts().Commands).Name.StaticValue);
    }

    [Fact]
    public void Cancellation_is_thrown_not_reported()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new ShellFrontend().Parse(ShellTestText.Document("echo hi\n"), cancelled.Token));
    }

    [Fact]
    public void Missing_native_library_fails_every_file_with_a_message()
    {
        var loads = 0;
        var frontend = new ShellFrontend(ShellFrontend.DefaultParseBudget, () =>
        {
            loads++;
            throw new DllNotFoundException("Unable to load shared library 'consolidate_treesitter' or one of its dependencies.");
        });

        var first = frontend.Parse("echo hi\n");
        var second = frontend.Parse(new SourceText("x\necho hi\n"), 2, "echo hi", CancellationToken.None);

        Assert.True(first.Failed);
        var issue = Assert.Single(first.Issues);
        Assert.Equal(
            "tree-sitter native library libconsolidate_treesitter.so not found next to Consolidate.Analyzers.dll: Unable to load shared library 'consolidate_treesitter' or one of its dependencies.",
            issue.Message);
        Assert.True(second.Failed);
        Assert.Equal(2, Assert.Single(second.Issues).Line);
        Assert.Equal(1, loads);
    }

    [Fact]
    public void Frontend_is_safe_to_call_from_several_threads()
    {
        var frontend = new ShellFrontend();
        var texts = Enumerable.Range(0, 64).Select(i => $"f{i}() {{ echo {i}; }}\nf{i} | cat\n").ToArray();

        var results = texts.AsParallel().WithDegreeOfParallelism(4).Select(t => (Text: t, Parsed: frontend.Parse(t))).ToArray();

        Assert.All(results, r =>
        {
            Assert.Empty(r.Parsed.Issues);
            Assert.Equal(r.Text[..r.Text.IndexOf('(', StringComparison.Ordinal)], Assert.Single(r.Parsed.Symbols).Name);
        });
    }
}
