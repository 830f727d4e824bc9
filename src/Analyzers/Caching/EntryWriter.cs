using System.Buffers;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Caching;

/// <summary>
/// Writes a cache entry's payload: 7-bit variable-length integers, strings through a per-entry table (a string
/// repeated in one file, such as a node kind or a command name, is written once and then by number), spans as six
/// integers. <see cref="EntryReader"/> reads the same layout back.
/// </summary>
internal sealed class EntryWriter
{
    private readonly ArrayBufferWriter<byte> buffer = new(4096);
    private readonly Dictionary<string, int> strings = new(StringComparer.Ordinal);

    public ReadOnlySpan<byte> Written => buffer.WrittenSpan;

    public void Byte(byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }

    public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

    public void UInt(ulong value)
    {
        var span = buffer.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        buffer.Advance(i);
    }

    public void Int(int value) => UInt((uint)value);

    /// <summary>A signed value (a delta): zig-zag, so small negative numbers stay short.</summary>
    public void SignedInt(int value) => UInt((uint)((value << 1) ^ (value >> 31)));

    /// <summary>0 for null, 1 and the text for a string met first here, n + 2 for the n-th string already written.</summary>
    public void String(string? value)
    {
        if (value is null)
        {
            UInt(0);
            return;
        }

        if (strings.TryGetValue(value, out var index))
        {
            UInt((ulong)index + 2);
            return;
        }

        strings[value] = strings.Count;
        UInt(1);
        Text(value);
    }

    /// <summary>A string written out (UTF-16 code units, so any string survives, lone surrogates included).</summary>
    public void Text(string value)
    {
        Int(value.Length);
        var bytes = MemoryMarshalBytes(value);
        bytes.CopyTo(buffer.GetSpan(bytes.Length));
        buffer.Advance(bytes.Length);
    }

    public void Span(SourceSpan span)
    {
        Int(span.Start);
        Int(span.Length);
        Int(span.StartLine);
        Int(span.StartColumn);
        Int(span.EndLine);
        Int(span.EndColumn);
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        Int(bytes.Length);
        bytes.CopyTo(buffer.GetSpan(bytes.Length));
        buffer.Advance(bytes.Length);
    }

    private static ReadOnlySpan<byte> MemoryMarshalBytes(string value) =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.AsSpan());
}
