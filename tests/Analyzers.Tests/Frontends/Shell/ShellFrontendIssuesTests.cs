using Consolidate.Analyzers.Frontends.Shell;

namespace Consolidate.Analyzers.Tests.Frontends.Shell;

public sealed class ShellFrontendIssuesTests
{
    private readonly ShellFrontend frontend = new();

    [Fact]
    public void Error_node_becomes_an_issue_at_its_line()
    {
        var parsed = frontend.Parse("echo a\necho )\necho b\n");

        Assert.False(parsed.Failed);
        var issue = Assert.Single(parsed.Issues);
        Assert.Equal((2, 6, "syntax error near ')'"), (issue.Line, issue.Column, issue.Message));
        Assert.Contains(parsed.Root.DescendantsAndSelf(), n => n.Kind == Consolidate.Analyzers.Model.NodeKind.Error && n.Span.StartLine == 2);
        Assert.Equal(new[] { "echo", "echo", "echo" }, parsed.Facts().Commands.Select(c => c.Name.StaticValue));
    }

    [Fact]
    public void Unclosed_if_is_a_missing_token_issue()
    {
        var parsed = frontend.Parse("if true; then\n  echo a\n");

        Assert.False(parsed.Failed);
        var issue = Assert.Single(parsed.Issues);
        Assert.Equal("missing 'fi'", issue.Message);
        Assert.Equal(3, issue.Line);
    }

    [Fact]
    public void Unterminated_string_is_one_issue()
    {
        var parsed = frontend.Parse("echo ok\necho \"abc\n");

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal(2, issue.Line);
        Assert.StartsWith("syntax error near '\"abc", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issues_are_capped()
    {
        var text = string.Concat(Enumerable.Repeat("echo )\n", 50));

        var issues = frontend.Parse(text).Issues;

        Assert.Equal(21, issues.Length);
        Assert.Equal("30 more syntax errors not listed", issues[^1].Message);
        Assert.Equal(21, issues[^1].Line);
    }
}
