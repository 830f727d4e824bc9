using System.Text;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Compose;

public sealed class ComposeHostileTests
{
    /// <summary>"Billion laughs": nine levels of nine aliases would expand to 9^9 nodes.</summary>
    private static string AliasBomb(string use)
    {
        var text = new StringBuilder("x-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            text.Append($"x-{level}: &{level} [").Append(string.Join(",", Enumerable.Repeat($"*{previous}", 9))).Append("]\n");
        }

        return text.Append("services:\n  web:\n    image: nginx\n").Append(use).ToString();
    }

    [Fact]
    public void Alias_bomb_is_not_expanded_and_is_reported()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();

        var parsed = ComposeAssert.Parse(AliasBomb("    volumes: *i\n    env_file: *i\n"));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.InRange(allocated, 0, 50_000_000);
        var issue = Assert.Single(parsed.Issues);
        Assert.Equal(6, issue.Line);
        Assert.Equal("alias *e would expand to more than 10000 nodes (an alias bomb?); it is ignored", issue.Message);
        var web = Assert.Single(Assert.IsType<ComposeFacts>(parsed.Facts).Services);
        Assert.Equal("nginx", web.Image!.Value);
        Assert.Empty(web.Volumes);
        Assert.Empty(web.EnvFiles);
        Assert.False(parsed.Failed);
    }

    [Fact]
    public void Merge_bomb_is_bounded()
    {
        var text = new StringBuilder("x-0: &m0 {a: 1, b: 2}\n");
        for (var level = 1; level <= 9; level++)
            text.Append($"x-{level}: &m{level}\n  <<: [").Append(string.Join(", ", Enumerable.Repeat($"*m{level - 1}", 9))).Append($"]\n  k{level}: v\n");
        text.Append("services:\n  web:\n    <<: *m9\n    image: nginx\n");

        var parsed = ComposeAssert.Parse(text.ToString());

        Assert.Equal("nginx", Assert.Single(Assert.IsType<ComposeFacts>(parsed.Facts).Services).Image!.Value);
    }

    [Fact]
    public void Nesting_deeper_than_256_levels_is_rejected_with_the_line()
    {
        var text = new StringBuilder("services:\n  web:\n    image: nginx\nx-deep:\n");
        for (var i = 0; i < 300; i++)
            text.Append(new string(' ', 2 * (i + 1))).Append("a:\n");
        text.Append(new string(' ', 602)).Append("end\n");

        var parsed = ComposeAssert.Parse(text.ToString());

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal(4 + 256, issue.Line);
        Assert.Contains("nested deeper than 256 levels", issue.Message, StringComparison.Ordinal);
        Assert.True(parsed.Failed);
        Assert.Empty(Assert.IsType<ComposeFacts>(parsed.Facts).Services);
    }

    [Fact]
    public void Flow_nesting_deeper_than_256_levels_is_rejected()
    {
        var parsed = ComposeAssert.Parse("x: " + new string('[', 300) + new string(']', 300) + "\n");

        Assert.True(parsed.Failed);
        Assert.Contains(parsed.Issues, i => i.Line == 1 && i.Message.Contains("nested deeper than 256 levels", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_key_is_reported_with_its_name_and_line_and_the_first_is_kept()
    {
        var parsed = ComposeAssert.Parse("services:\n  web:\n    image: first\n    ports: [80]\n    image: second\n");

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal((5, 5), (issue.Line, issue.Column));
        Assert.Equal("duplicate key 'image' on line 5 (first on line 3); the first value is kept", issue.Message);
        Assert.Equal("first", Assert.Single(Assert.IsType<ComposeFacts>(parsed.Facts).Services).Image!.Value);
    }

    [Fact]
    public void Tabs_used_for_indentation_are_a_syntax_error_on_their_line()
    {
        var parsed = ComposeAssert.Parse("services:\n  web:\n\timage: nginx\n");

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal((3, 1), (issue.Line, issue.Column));
        Assert.Contains("tab", issue.Message, StringComparison.Ordinal);
        Assert.True(parsed.Failed);
        Assert.Empty(Assert.IsType<ComposeFacts>(parsed.Facts).Services);
    }

    [Fact]
    public void Only_the_first_document_is_read()
    {
        var parsed = ComposeAssert.Parse("services:\n  web:\n    image: nginx\n---\nservices:\n  other:\n    image: x\n");

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal(5, issue.Line);
        Assert.Equal("multi-document compose file: only the first document is read", issue.Message);
        Assert.Equal(["web"], Assert.IsType<ComposeFacts>(parsed.Facts).Services.Select(s => s.Name));
        Assert.False(parsed.Failed);
    }

    [Theory]
    [InlineData("- web\n- db\n", "sequence")]
    [InlineData("just a string\n", "scalar")]
    public void A_top_level_that_is_not_a_mapping_is_an_issue(string text, string kind)
    {
        var parsed = ComposeAssert.Parse(text);

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal(1, issue.Line);
        Assert.EndsWith($"not a {kind}", issue.Message, StringComparison.Ordinal);
        Assert.Empty(Assert.IsType<ComposeFacts>(parsed.Facts).Services);
    }

    [Fact]
    public void Invalid_yaml_fails_the_file_with_its_line_and_keeps_no_half_read_service()
    {
        var parsed = ComposeAssert.Parse("services:\n  web:\n    image: nginx\n  db:\n    image: 'postgres\n    pid: host\n");

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal((5, 12), (issue.Line, issue.Column));
        Assert.StartsWith("invalid YAML: ", issue.Message, StringComparison.Ordinal);
        Assert.True(parsed.Failed);
        Assert.Empty(Assert.IsType<ComposeFacts>(parsed.Facts).Services);
    }

    [Fact]
    public void Unclosed_flow_sequence_is_reported_where_the_scanner_gave_up()
    {
        var parsed = ComposeAssert.Parse("services:\n  web:\n    image: nginx:1.25\n    ports: [\"8080:80\"\n    mem_limit: 256m\n");

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal((5, 5), (issue.Line, issue.Column));
        Assert.Equal("invalid YAML: a '[' or '{' is not closed, or a similar syntax error", issue.Message);
        Assert.True(parsed.Failed);
        Assert.Empty(Assert.IsType<ComposeFacts>(parsed.Facts).Services);
    }

    [Fact]
    public void Invalid_yaml_at_the_start_fails_the_file()
    {
        var parsed = ComposeAssert.Parse("services: [web\n  image: x: y\n");

        Assert.True(parsed.Failed);
        Assert.NotEmpty(parsed.Issues);
    }

    [Theory]
    [InlineData("services:\n  web:\n    ports: [1, 2\n    image: x\n")]
    [InlineData("services:\n  web:\n    image: !<> x\n")]
    public void Input_that_trips_yamldotnet_into_other_exceptions_is_an_issue(string text)
    {
        var parsed = ComposeAssert.Parse(text);

        Assert.Contains(parsed.Issues, i => i.Message.StartsWith("invalid YAML", StringComparison.Ordinal));
    }

    [Fact]
    public void Alias_to_an_unknown_anchor_is_ignored_with_an_issue()
    {
        var parsed = ComposeAssert.Parse("services:\n  web:\n    image: *missing\n");

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal((3, 12), (issue.Line, issue.Column));
        Assert.Null(Assert.Single(Assert.IsType<ComposeFacts>(parsed.Facts).Services).Image);
    }
}
