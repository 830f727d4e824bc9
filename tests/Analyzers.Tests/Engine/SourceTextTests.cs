using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Engine;

public sealed class SourceTextTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("a\n", 1)]
    [InlineData("a\nb", 2)]
    [InlineData("a\r\nb\r\n", 2)]
    [InlineData("a\rb", 2)]
    [InlineData("\n\n", 2)]
    public void Counts_lines_like_an_editor(string text, int lines) => Assert.Equal(lines, new SourceText(text).LineCount);

    [Fact]
    public void Spans_map_offsets_to_lines_and_columns()
    {
        var text = new SourceText("ab\r\ncd\nef");

        var span = text.Span(4, 9);

        Assert.Equal(new SourceSpan(4, 5, 2, 1, 3, 3), span);
        Assert.Equal("cd\nef", text.Slice(span));
        Assert.Equal("cd", text.LineText(2));
        Assert.Equal("ab", text.LineText(1));
        Assert.Equal(3, text.LineOf(8));
    }
}
