using Consolidate.Analyzers.Frontends.Python;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Python;

public sealed class CodePointOffsetsTests
{
    [Fact]
    public void Ascii_columns_are_offsets_from_the_line_start()
    {
        var offsets = new CodePointOffsets(new SourceText("ab\ncd\r\nef"));

        Assert.Equal([0, 2, 3, 4, 7, 9], new[] { (1, 0), (1, 2), (2, 0), (2, 1), (3, 0), (3, 2) }.Select(p => offsets.Offset(p.Item1, p.Item2)));
    }

    [Fact]
    public void Astral_characters_count_one_column_and_two_utf16_units()
    {
        var text = new SourceText("x\n😀😀é😀y\n");
        var offsets = new CodePointOffsets(text);

        Assert.Equal([2, 4, 6, 7, 9, 10], Enumerable.Range(0, 6).Select(column => offsets.Offset(2, column)));
        Assert.Equal('y', text.Text[offsets.Offset(2, 4)]);
    }

    [Fact]
    public void Positions_outside_the_text_are_clamped()
    {
        var text = new SourceText("ab\n😀c");
        var offsets = new CodePointOffsets(text);

        Assert.Equal(0, offsets.Offset(0, 5));
        Assert.Equal(2, offsets.Offset(1, 99));
        Assert.Equal(6, offsets.Offset(2, 99));
        Assert.Equal(6, offsets.Offset(7, 0));
        Assert.Equal(3, offsets.Offset(2, -4));
    }
}
