using System.Buffers;
using System.Buffers.Binary;

#pragma warning disable RS0030 // the parse cache owns .consolidate/cache (BannedSymbols.IO.txt)

namespace Consolidate.Analyzers.Caching;

/// <summary>
/// Writes a pack (<see cref="CachePack"/> has the layout) to a new file: entries appended as they come, then
/// <see cref="Finish"/> writes the index and the footer. Only the index stays in memory. Not thread-safe.
/// </summary>
internal sealed class PackWriter : IDisposable
{
    private const int CopyChunk = 1 << 16;

    private static readonly SearchValues<char> LowerHexDigits = SearchValues.Create("0123456789abcdef");

    private readonly FileStream stream;
    private readonly Dictionary<string, PackSlot> index = new(StringComparer.Ordinal);
    private long length;

    private PackWriter(string path, FileStream stream)
    {
        Path = path;
        this.stream = stream;
    }

    public string Path { get; }

    /// <summary>A writer on a file that must not exist yet.</summary>
    public static PackWriter Create(string path) =>
        new(path, new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyChunk));

    public bool Contains(string slot) => index.ContainsKey(slot);

    /// <summary>Appends one entry, given as its parts; a slot appended twice keeps its last entry.</summary>
    public void Append(string slot, ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload)
    {
        stream.Write(header);
        stream.Write(payload);
        Add(slot, header.Length + payload.Length);
    }

    /// <summary>Copies one entry of another pack as it is (its reader checked it when the scan loaded it).</summary>
    public void Copy(CachePack source, PackSlot entry)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(entry.Length, CopyChunk));
        try
        {
            for (var done = 0; done < entry.Length;)
            {
                var chunk = buffer.AsSpan(0, Math.Min(buffer.Length, entry.Length - done));
                if (!source.TryRead(entry.Offset + done, chunk))
                    throw new IOException($"the cache pack ends inside the entry of slot {entry.Slot}");
                stream.Write(chunk);
                done += chunk.Length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        Add(entry.Slot, entry.Length);
    }

    /// <summary>Writes the index and the footer and closes the file (flushed to the operating system, not synced: a torn pack is found damaged and rebuilt).</summary>
    public void Finish()
    {
        var slots = index.Values.OrderBy(s => s.Offset).ToArray();
        var records = new byte[slots.Length * CachePack.RecordLength];
        for (var i = 0; i < slots.Length; i++)
        {
            var record = records.AsSpan(i * CachePack.RecordLength, CachePack.RecordLength);
            Convert.FromHexString(slots[i].Slot, record[..CachePack.SlotLength], out _, out _);
            BinaryPrimitives.WriteInt64LittleEndian(record[CachePack.SlotLength..], slots[i].Offset);
            BinaryPrimitives.WriteInt32LittleEndian(record[(CachePack.SlotLength + 8)..], slots[i].Length);
        }

        Span<byte> footer = stackalloc byte[CachePack.FooterLength];
        CachePack.FooterMagic.CopyTo(footer);
        BinaryPrimitives.WriteInt32LittleEndian(footer[8..], ParseCache.FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(footer[12..], slots.Length);
        BinaryPrimitives.WriteInt64LittleEndian(footer[16..], length);
        BinaryPrimitives.WriteUInt64LittleEndian(footer[24..], CachePack.Checksum(records));
        stream.Write(records);
        stream.Write(footer);
        stream.Flush();
        stream.Dispose();
    }

    public void Dispose() => stream.Dispose();

    private void Add(string slot, int entryLength)
    {
        if (slot.Length != 2 * CachePack.SlotLength || slot.AsSpan().ContainsAnyExcept(LowerHexDigits))
            throw new ArgumentException($"a slot is {2 * CachePack.SlotLength} lower-case hex digits, not '{slot}'", nameof(slot));
        index[slot] = new PackSlot(slot, length, entryLength);
        length += entryLength;
    }
}
