using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Caching;

/// <summary>
/// Reads what <see cref="EntryWriter"/> wrote. Every read is bounds-checked: a damaged entry throws
/// <see cref="CorruptEntryException"/>, which the cache turns into "drop it and parse the file again".
/// The string table is a pooled array (a scan reads thousands of entries, each with its own table):
/// <see cref="Dispose"/> gives it back.
/// </summary>
internal ref struct EntryReader
{
    private readonly ReadOnlySpan<byte> data;
    private string[] strings;
    private int stringCount;
    private int position;

    public EntryReader(ReadOnlySpan<byte> data)
    {
        this.data = data;
        strings = [];
        stringCount = 0;
        position = 0;
    }

    public readonly bool AtEnd => position == data.Length;

    /// <summary>The bytes not read yet.</summary>
    public readonly int Remaining => data.Length - position;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Byte()
    {
        if ((uint)position >= (uint)data.Length)
            EndsEarly();
        return data[position++];
    }

    public bool Bool() => Byte() switch
    {
        0 => false,
        1 => true,
        var other => throw new CorruptEntryException($"bad boolean {other}"),
    };

    // Most values (string references, counts, columns, token lengths and gaps) fit one byte: that case is inlined,
    // the rest goes through LongUInt.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong UInt() => TryOneByte(out var value) ? value : LongUInt();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Int() => TryOneByte(out var value) ? (int)value : LongInt();

    /// <summary>A zigzag-encoded signed integer (0, -1, 1, -2, ... as 0, 1, 2, 3, ...).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SignedInt()
    {
        var raw = TryOneByte(out var value) ? value : LongSignedRaw();
        return (int)(raw >> 1) ^ -(int)(raw & 1);
    }

    /// <summary>A varint that fits one byte, read; false (nothing read) when the next byte continues or the entry ends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryOneByte(out uint value)
    {
        var at = position;
        if ((uint)at < (uint)data.Length && data[at] < 0x80)
        {
            position = at + 1;
            value = data[at];
            return true;
        }

        value = 0;
        return false;
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

    /// <summary>An int-based enum value no greater than <paramref name="max"/> (a reinterpretation, not a boxing cast).</summary>
    public T Enum<T>(int max) where T : struct, System.Enum
    {
        if (Unsafe.SizeOf<T>() != sizeof(int))
            throw new NotSupportedException($"{typeof(T).Name} is not int-based");
        var value = Int();
        if (value > max)
            OutOfRange<T>(value);
        return Unsafe.As<int, T>(ref value);
    }

    public string? String()
    {
        var tag = UInt();
        if (tag == 0)
            return null;
        if (tag == 1)
        {
            var text = Text();
            if (stringCount == strings.Length)
                GrowStrings();
            strings[stringCount++] = text;
            return text;
        }

        var index = tag - 2;
        return index < (ulong)stringCount ? strings[(int)index] : throw new CorruptEntryException("string reference out of range");
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

    /// <summary>Returns the string table to the pool, cleared so the pool keeps no entry's strings alive.</summary>
    public void Dispose()
    {
        if (strings.Length == 0)
            return;
        System.Array.Clear(strings, 0, stringCount);
        ArrayPool<string>.Shared.Return(strings);
        strings = [];
        stringCount = 0;
    }

    private ulong LongUInt()
    {
        var at = position;
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if ((uint)at >= (uint)data.Length)
                EndsEarly();
            var b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                position = at;
                return value;
            }
        }

        throw new CorruptEntryException("integer too long");
    }

    private int LongInt()
    {
        var value = LongUInt();
        return value <= int.MaxValue ? (int)value : throw new CorruptEntryException($"integer {value} out of range");
    }

    private uint LongSignedRaw()
    {
        var value = LongUInt();
        return value <= uint.MaxValue ? (uint)value : throw new CorruptEntryException("signed integer out of range");
    }

    [DoesNotReturn]
    private static void OutOfRange<T>(int value) => throw new CorruptEntryException($"{typeof(T).Name} {value} out of range");

    [DoesNotReturn]
    private static void EndsEarly() => throw new CorruptEntryException("entry ends early");

    private void GrowStrings()
    {
        var grown = ArrayPool<string>.Shared.Rent(Math.Max(64, strings.Length * 2));
        System.Array.Copy(strings, grown, stringCount);
        if (strings.Length > 0)
        {
            System.Array.Clear(strings, 0, stringCount);
            ArrayPool<string>.Shared.Return(strings);
        }

        strings = grown;
    }
}
