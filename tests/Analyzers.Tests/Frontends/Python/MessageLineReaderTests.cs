using System.Text;
using Consolidate.Analyzers.Frontends.Python;

namespace Consolidate.Analyzers.Tests.Frontends.Python;

public sealed class MessageLineReaderTests
{
    [Fact]
    public void Lines_split_across_reads_and_longer_than_the_buffer_come_back_whole()
    {
        var big = new string('x', 200_000);
        var reader = new MessageLineReader(new TrickleStream(Encoding.ASCII.GetBytes($"a\n{big}\n\nb\n"), chunk: 7_000));

        Assert.Equal(["a", big, "", "b"], Enumerable.Range(0, 4).Select(_ => Text(reader.Read())));
        Assert.Equal(new WorkerLine(null, WorkerLineEnd.EndOfStream), reader.Read());
    }

    [Fact]
    public void A_fragment_cut_off_by_the_end_of_the_stream_is_not_a_line()
    {
        var reader = new MessageLineReader(new MemoryStream("{\"v\":1}\n{\"v\":1,\"id\":"u8.ToArray()));

        Assert.Equal("{\"v\":1}", Text(reader.Read()));
        var cut = reader.Read();
        Assert.Equal(WorkerLineEnd.EndOfStream, cut.End);
        Assert.Equal("{\"v\":1,\"id\":", Encoding.ASCII.GetString(cut.Bytes!));
    }

    private static string Text(WorkerLine line)
    {
        Assert.Equal(WorkerLineEnd.Newline, line.End);
        return Encoding.ASCII.GetString(line.Bytes!);
    }

    /// <summary>A stream that returns at most <c>chunk</c> bytes per read, as a pipe does.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }
}
