namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// Reads newline-terminated lines of bytes from a worker's stdout. Unlike <see cref="StreamReader.ReadLine"/> it tells
/// a complete line from a fragment cut off by the worker's death, and it refuses a line longer than
/// <see cref="MaxLineBytes"/> instead of growing without bound.
/// </summary>
internal sealed class MessageLineReader
{
    public const int MaxLineBytes = 1 << 30;

    private readonly Stream stream;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;

    public MessageLineReader(Stream stream) => this.stream = stream;

    public WorkerLine Read()
    {
        var searched = start;
        while (true)
        {
            var newline = buffer.AsSpan(searched, end - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = searched + newline;
                var line = buffer.AsSpan(start, lineEnd - start).ToArray();
                start = lineEnd + 1;
                return new WorkerLine(line, WorkerLineEnd.Newline);
            }

            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            searched = end;
            if (end == buffer.Length)
            {
                if (buffer.Length >= MaxLineBytes)
                {
                    start = end = 0;
                    return new WorkerLine(null, WorkerLineEnd.TooLong);
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxLineBytes));
            }

            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                var rest = end > start ? buffer.AsSpan(start, end - start).ToArray() : null;
                start = end = 0;
                return new WorkerLine(rest, WorkerLineEnd.EndOfStream);
            }

            end += read;
        }
    }
}

internal enum WorkerLineEnd
{
    /// <summary>A whole line (the newline is not part of <see cref="WorkerLine.Bytes"/>).</summary>
    Newline,
    /// <summary>The worker closed stdout (it exited or was killed); Bytes holds a cut-off fragment, if any.</summary>
    EndOfStream,
    /// <summary>The line exceeded <see cref="MessageLineReader.MaxLineBytes"/>.</summary>
    TooLong,
}

internal readonly record struct WorkerLine(byte[]? Bytes, WorkerLineEnd End);
