using System.Runtime.InteropServices;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Caching;

/// <summary>
/// Reads what <see cref="EntryWriter"/> wrote. Every read is bounds-checked: a damaged entry throws
/// <see cref="CorruptEntryException"/>, which the cache turns into "drop it and parse the file again".
/// </summary>
internal ref struct EntryReader
{
    private readonly ReadOnlySpan<byte> data;
    private readonly List<string> strings;
    private int position;

    public EntryReader(ReadOnlySpan<byte> data)
    {
        this.data = data;
        strings = [];
        position = 0;
    }

    public readonly bool AtEnd => position == data.Length;

    public byte Byte()
    {
        if (position >= data.Length)
            throw new CorruptEntryException("entry ends early");
        return data[position++];
    }

    public bool Bool() => Byte() switch
    {
        0 => false,
        1 => true,
        var other => throw new CorruptEntryException($"bad boolean {other}"),
    };

    public ulong UInt()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Byte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }

        throw new CorruptEntryException("integer too long");
    }

    public int Int()
    {
        var value = UInt();
        return value <= int.MaxValue ? (int)value : throw new CorruptEntryException($"integer {value} out of range");
    }

    public int SignedInt()
    {
        var value = UInt();
        if (value > uint.MaxValue)
            throw new CorruptEntryException("signed integer out of range");
        var raw = (uint)value;
        return (int)(raw >> 1) ^ -(int)(raw & 1);
    }

    /// <summary>A count of items that each take at least one byte: bounded by what is left, so garbage cannot allocate gigabytes.</summary>
    public int Count()
    {
        var count = Int();
        return count <= data.Length - position ? count : throw new CorruptEntryException($"count {count} exceeds the entry");
    }

    /// <summary>0 (a default array) or a count plus one; the count is bounded like <see cref="Count"/>.</summary>
    public int ArrayTag()
    {
        var tag = Int();
        return tag == 0 || tag - 1 <= data.Length - position ? tag : throw new CorruptEntryException($"count {tag - 1} exceeds the entry");
    }

    public T Enum<T>(int max) where T : struct, System.Enum
    {
        var value = Int();
        return value <= max ? (T)(object)value : throw new CorruptEntryException($"{typeof(T).Name} {value} out of range");
    }

    public string? String()
    {
        var tag = UInt();
        if (tag == 0)
            return null;
        if (tag == 1)
        {
            var text = Text();
            strings.Add(text);
            return text;
        }

        var index = tag - 2;
        return index < (ulong)strings.Count ? strings[(int)index] : throw new CorruptEntryException("string reference out of range");
    }

    public string RequiredString() => String() ?? throw new CorruptEntryException("missing string");

    public string Text()
    {
        var length = Int();
        if ((long)length * 2 > data.Length - position)
            throw new CorruptEntryException("text exceeds the entry");
        var chars = MemoryMarshal.Cast<byte, char>(data.Slice(position, length * 2));
        position += length * 2;
        return new string(chars);
    }

    public SourceSpan Span() => new(Int(), Int(), Int(), Int(), Int(), Int());

    public ReadOnlySpan<byte> Bytes()
    {
        var length = Int();
        if (length > data.Length - position)
            throw new CorruptEntryException("bytes exceed the entry");
        var slice = data.Slice(position, length);
        position += length;
        return slice;
    }
}
