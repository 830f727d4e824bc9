using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Caching;

/// <summary>
/// Writes a cache entry's payload: 7-bit variable-length integers, strings through a per-entry table (a string
/// repeated in one file, such as a node kind or a command name, is written once and then by number), spans as six
/// integers. <see cref="EntryReader"/> reads the same layout back.
/// <para>A scan writes thousands of entries: one writer can write them one after another (<see cref="Reset"/> between
/// entries keeps its buffer and string table), and <see cref="Dispose"/> gives the buffer, which is pooled, back.</para>
/// </summary>
internal sealed class EntryWriter : IDisposable
{
    private const int InitialCapacity = 4096;

    /// <summary>A buffer grown past this (a huge file's entry) goes back to the pool on <see cref="Reset"/>, not kept for every entry after it.</summary>
    private const int KeptCapacity = 1 << 20;

    /// <summary>A table that held more strings than this is dropped on <see cref="Reset"/>: clearing costs its capacity, not its count.</summary>
    private const int KeptStrings = 4096;

    /// <summary>The longest 7-bit encoding of a 64-bit value.</summary>
    private const int MaxVarintLength = 10;

    private byte[] buffer = [];
    private int length;
    private Dictionary<string, int> strings = new(StringComparer.Ordinal);

    public ReadOnlySpan<byte> Written => buffer.AsSpan(0, length);

    /// <summary>Starts a new entry: what was written and the string table are forgotten, the buffer is kept.</summary>
    public void Reset()
    {
        length = 0;
        if (strings.Count > KeptStrings)
            strings = new Dictionary<string, int>(StringComparer.Ordinal);
        else
            strings.Clear();
        if (buffer.Length > KeptCapacity)
            ReturnBuffer();
    }

    /// <summary>Returns the buffer to the pool; the writer can still be used (it rents another).</summary>
    public void Dispose()
    {
        length = 0;
        strings.Clear();
        ReturnBuffer();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Byte(byte value)
    {
        if (length == buffer.Length)
            Grow(1);
        buffer[length++] = value;
    }

    public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

    // Most values (string references, counts, columns, token lengths and gaps) fit one byte: that case is inlined,
    // the rest goes through LongUInt.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void UInt(ulong value)
    {
        if (value < 0x80 && length < buffer.Length)
        {
            buffer[length++] = (byte)value;
            return;
        }

        LongUInt(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Int(int value) => UInt((uint)value);

    /// <summary>A signed value (a delta): zig-zag, so small negative numbers stay short.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SignedInt(int value) => UInt((uint)((value << 1) ^ (value >> 31)));

    /// <summary>0 for null, 1 and the text for a string met first here, n + 2 for the n-th string already written.</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            UInt(0);
            return;
        }

        // One lookup: a string met before gets its number, a new one is added with the next.
        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(strings, value, out var exists);
        if (exists)
        {
            UInt((ulong)index + 2);
            return;
        }

        index = strings.Count - 1;
        UInt(1);
        Text(value);
    }

    /// <summary>A string written out (UTF-16 code units, so any string survives, lone surrogates included).</summary>
    public void Text(string value) => Bytes(MemoryMarshal.AsBytes(value.AsSpan()), value.Length);

    public void Span(SourceSpan span)
    {
        // Six integers, room made once.
        if (buffer.Length - length < 6 * 5)
            Grow(6 * 5);
        var at = length;
        at = Put(buffer, at, (uint)span.Start);
        at = Put(buffer, at, (uint)span.Length);
        at = Put(buffer, at, (uint)span.StartLine);
        at = Put(buffer, at, (uint)span.StartColumn);
        at = Put(buffer, at, (uint)span.EndLine);
        at = Put(buffer, at, (uint)span.EndColumn);
        length = at;
    }

    public void Bytes(ReadOnlySpan<byte> bytes) => Bytes(bytes, bytes.Length);

    /// <summary>A length (in whatever unit the reader counts) and the bytes.</summary>
    private void Bytes(ReadOnlySpan<byte> bytes, int count)
    {
        if (buffer.Length - length < MaxVarintLength + bytes.Length)
            Grow(MaxVarintLength + bytes.Length);
        var at = Put(buffer, length, (uint)count);
        bytes.CopyTo(buffer.AsSpan(at));
        length = at + bytes.Length;
    }

    /// <summary>Writes <paramref name="value"/> at <paramref name="at"/> (room for its encoding made by the caller: five bytes for a 32-bit value, ten for a 64-bit one); returns where it ends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Put(byte[] into, int at, ulong value)
    {
        while (value >= 0x80)
        {
            into[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        into[at++] = (byte)value;
        return at;
    }

    private void LongUInt(ulong value)
    {
        if (buffer.Length - length < MaxVarintLength)
            Grow(MaxVarintLength);
        length = Put(buffer, length, value);
    }

    /// <summary>Makes room for <paramref name="needed"/> more bytes: at least doubles, so an entry is copied O(1) times per byte.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int needed)
    {
        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(Math.Max(InitialCapacity, 2 * buffer.Length), length + needed));
        buffer.AsSpan(0, length).CopyTo(grown);
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
        buffer = grown;
    }

    private void ReturnBuffer()
    {
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }
}
