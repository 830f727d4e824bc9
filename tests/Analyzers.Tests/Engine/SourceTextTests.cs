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

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("a\n")]
    [InlineData("a\r\nb\r\n")]
    [InlineData("a\rb\r")]
    [InlineData("\r\r\n\n\r")]
    [InlineData("x = 1\r\n\n  y\rz\n\n")]
    public void An_ascii_text_kept_as_bytes_has_the_line_index_and_text_of_the_string(string value) =>
        AssertSameAsString(value, SourceText.FromAscii(System.Text.Encoding.ASCII.GetBytes(value)));

    [Theory]
    [InlineData("é")]
    [InlineData("naïve\n")]
    [InlineData("a\r\nb — c\r\n")]
    [InlineData("日本語\rb\r")]
    [InlineData("😀\r\r\n😀😀\n\r")]
    [InlineData("x = 'ü'\r\n\n  y\r🚀z\n\n")]
    public void A_utf8_text_kept_as_bytes_has_the_line_index_and_text_of_the_string(string value) =>
        AssertSameAsString(value, SourceText.FromUtf8(System.Text.Encoding.UTF8.GetBytes(value)));

    /// <summary>Length, lines (starts, ends, texts), spans of every offset and the text itself equal the string's.</summary>
    private static void AssertSameAsString(string value, SourceText actual)
    {
        var expected = new SourceText(value);
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(expected.LineCount, actual.LineCount);
        for (var line = 1; line <= expected.LineCount + 1; line++)
        {
            Assert.Equal((expected.LineStart(line), expected.LineEnd(line)), (actual.LineStart(line), actual.LineEnd(line)));
            Assert.Equal(expected.LineText(line), actual.LineText(line));
        }

        for (var offset = 0; offset <= value.Length; offset++)
            Assert.Equal(expected.Span(offset, value.Length), actual.Span(offset, value.Length));
        Assert.Equal(value, actual.Text);
    }

    [Theory]
    [InlineData("plain ascii text with consolidate-disable inside", "consolidate-disable", true)]
    [InlineData("plain ascii text", "consolidate-disable", false)]
    [InlineData("naïve — consolidate-disable CONS101", "consolidate-disable", true)]
    [InlineData("naïve — consolidate-dis", "consolidate-disable", false)]
    [InlineData("naïve — ü", "ü", true)]
    public void Contains_searches_texts_kept_as_bytes_like_the_string(string value, string needle, bool found)
    {
        Assert.Equal(found, new SourceText(value).Contains(needle));
        Assert.Equal(found, SourceText.FromUtf8(System.Text.Encoding.UTF8.GetBytes(value)).Contains(needle));
        if (value.All(char.IsAscii))
            Assert.Equal(found, SourceText.FromAscii(System.Text.Encoding.ASCII.GetBytes(value)).Contains(needle));
    }

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
