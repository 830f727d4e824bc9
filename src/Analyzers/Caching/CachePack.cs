using System.Buffers.Binary;
using System.Security.Cryptography;
using Consolidate.Analyzers.Scanning;
using Microsoft.Win32.SafeHandles;

#pragma warning disable RS0030 // the parse cache owns .consolidate/cache (BannedSymbols.IO.txt)

namespace Consolidate.Analyzers.Caching;

/// <summary>
/// A committed pack of cache entries, opened for reading: its footer and index are read and checked once, one read
/// handle is kept, and an entry is read at its offset when asked (the pack is never read whole).
/// <para><b>Layout.</b> The entries back to back (each as <see cref="ParseCache"/> checks it on its own), then the
/// index, one record per entry in offset order (slot as 16 bytes, offset as int64, length as int32), then the footer:
/// magic <c>CNSLDPK2</c>, format, entry count, index offset and the index's checksum. All little endian.
/// <see cref="PackWriter"/> writes the same layout.</para>
/// <para>The handle shares reading and deleting, so a concurrent run can rename its pack over this one (also on
/// Windows); this reader keeps the file it opened. Not thread-safe to dispose while reading; reading is.</para>
/// </summary>
internal sealed class CachePack : IDisposable
{
    internal const int FooterLength = 8 + 4 + 4 + 8 + 8;
    internal const int SlotLength = 16;
    internal const int RecordLength = SlotLength + 8 + 4;

    private readonly SafeFileHandle handle;
    private readonly Dictionary<string, PackSlot> index;

    private CachePack(SafeFileHandle handle, PackSlot[] slots)
    {
        this.handle = handle;
        Slots = slots;
        index = slots.ToDictionary(s => s.Slot, StringComparer.Ordinal);
    }

    internal static ReadOnlySpan<byte> FooterMagic => "CNSLDPK2"u8;

    /// <summary>Every entry, in offset order.</summary>
    public IReadOnlyList<PackSlot> Slots { get; }

    /// <summary>
    /// The pack at <paramref name="path"/>, or null when there is none (<paramref name="found"/> false) or it cannot be
    /// used (found: a damaged or truncated footer or index, another format, an offset outside the file, an unreadable file).
    /// </summary>
    public static CachePack? Open(string path, out bool found)
    {
        SafeFileHandle handle;
        try
        {
            if (File.Exists(path) && !CacheFile.IsPlain(path))
            {
                found = true;
                return null;
            }

            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.RandomAccess);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            found = false;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            found = true;
            return null;
        }

        found = true;
        try
        {
            if (ReadIndex(handle) is { } slots)
                return new CachePack(handle, slots);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable is unusable: the pack is rewritten.
        }

        handle.Dispose();
        return null;
    }

    public bool TryGet(string slot, out PackSlot entry) => index.TryGetValue(slot, out entry);

    /// <summary>Reads <paramref name="destination"/>'s length of bytes at <paramref name="offset"/>; false when the file ends first.</summary>
    public bool TryRead(long offset, Span<byte> destination) =>
        RepositoryScanner.ReadFully(handle, destination, offset) == destination.Length;

    public void Dispose() => handle.Dispose();

    internal static ulong Checksum(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data, hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    /// <summary>The index, when the footer and every record check out against the file's size; else null.</summary>
    private static PackSlot[]? ReadIndex(SafeFileHandle handle)
    {
        var length = RandomAccess.GetLength(handle);
        if (length < FooterLength)
            return null;
        Span<byte> footer = stackalloc byte[FooterLength];
        if (RepositoryScanner.ReadFully(handle, footer, length - FooterLength) != FooterLength || !footer[..8].SequenceEqual(FooterMagic))
            return null;
        if (BinaryPrimitives.ReadInt32LittleEndian(footer[8..]) != ParseCache.FormatVersion)
            return null;
        var count = BinaryPrimitives.ReadInt32LittleEndian(footer[12..]);
        var indexOffset = BinaryPrimitives.ReadInt64LittleEndian(footer[16..]);
        if (count < 0 || count > (length - FooterLength) / RecordLength || indexOffset != length - FooterLength - ((long)count * RecordLength))
            return null;

        var records = new byte[count * RecordLength];
        if (RepositoryScanner.ReadFully(handle, records, indexOffset) != records.Length)
            return null;
        if (Checksum(records) != BinaryPrimitives.ReadUInt64LittleEndian(footer[24..]))
            return null;

        var slots = new PackSlot[count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var end = 0L;
        for (var i = 0; i < count; i++)
        {
            var record = records.AsSpan(i * RecordLength, RecordLength);
            var slot = Convert.ToHexStringLower(record[..SlotLength]);
            var offset = BinaryPrimitives.ReadInt64LittleEndian(record[SlotLength..]);
            var entryLength = BinaryPrimitives.ReadInt32LittleEndian(record[(SlotLength + 8)..]);
            if (offset < end || entryLength <= 0 || offset > indexOffset - entryLength || !seen.Add(slot))
                return null;
            slots[i] = new PackSlot(slot, offset, entryLength);
            end = offset + entryLength;
        }

        return slots;
    }
}
