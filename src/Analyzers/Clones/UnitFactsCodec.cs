using System.Buffers.Binary;
using System.Text;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Clones;

/// <summary>
/// One file's clone facts as bytes: what the clone index's second pass works out for the file once its common lines
/// are marked (its units with their hashes, sizes, near-clone keys and MinHash signatures, its statements for
/// statement-run detection, its code-token and code-line counts), so a scan that meets the file unchanged, with the
/// same lines common, skips reading it (see <see cref="IUnitFactsCache"/>).
/// <para>Layout: a format byte, then varints (zig-zag free: every value is non-negative), little-endian 64-bit hashes and 32-bit signature bins:
/// the string table (symbols), the counts, the units (a parent by its position, units come after their parent), then
/// the statements. Bytes that do not read back whole (<see cref="TryRead"/>) are never used.</para>
/// </summary>
internal static class UnitFactsCodec
{
    private const byte Format = 1;

    public static byte[] Write(FileFingerprint print, IReadOnlyList<CloneUnit> units, IReadOnlyList<StatementElement> elements, CloneOptions options)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = new List<string>();
        int StringIndex(string? value)
        {
            if (value is null)
                return 0;
            if (!strings.TryGetValue(value, out var index))
            {
                table.Add(value);
                index = strings[value] = table.Count;
            }

            return index;
        }

        var unitSymbols = units.Select(u => StringIndex(u.Symbol)).ToArray();
        var elementSymbols = elements.Select(e => StringIndex(e.Symbol)).ToArray();
        var positions = new Dictionary<CloneUnit, int>(units.Count);
        for (var i = 0; i < units.Count; i++)
            positions[units[i]] = i;

        var w = new Writer();
        w.Byte(Format);
        w.Int(table.Count);
        foreach (var text in table)
            w.String(text);
        w.Int(print.Count);
        w.Int(print.AllCodeLines);
        w.Int(units.Count);
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            w.Byte((byte)unit.Kind);
            w.Int(unitSymbols[i]);
            w.Int(unit.StartLine);
            w.Int(unit.EndLine);
            w.Int(unit.TokenStart);
            w.Int(unit.TokenEnd);
            w.Int(unit.FilteredStart);
            w.Int(unit.FilteredEnd);
            w.Long(unit.ExactHash);
            w.Long(unit.RenamedHash);
            w.Int(unit.CodeLines);
            w.Int(unit.Parent is { } parent ? positions[parent] + 1 : 0);

            // The near-clone key and signature of the units the near-clone search reads: those large enough.
            if (!unit.IsLargeEnough(options))
            {
                w.Byte(0);
                continue;
            }

            var signature = MinHashSignature.OfTokens(unit.Filtered);
            w.Byte(signature is null ? (byte)1 : (byte)2);
            w.Long(unit.NearKey);
            if (signature is not null)
                foreach (var bin in signature)
                    w.Fixed(bin);
        }

        w.Int(elements.Count);
        for (var i = 0; i < elements.Count; i++)
        {
            var e = elements[i];
            w.Int(e.TokenStart);
            w.Int(e.TokenEnd);
            w.Long(e.Exact);
            w.Long(e.Renamed);
            w.Int(e.CodeTokens);
            w.Int(e.CodeLines);
            w.Int(e.FirstCodeLine);
            w.Int(e.LastCodeLine);
            w.Int(e.StartLine);
            w.Int(e.EndLine);
            w.Int(e.Segment);
            w.Int(elementSymbols[i]);
        }

        return w.ToArray();
    }

    /// <summary>
    /// The fingerprint, units and statements <paramref name="data"/> holds for <paramref name="file"/> at position
    /// <paramref name="index"/>; false when the bytes do not read back whole and consistent (then nothing is used).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, FileModel file, int index, Func<FileFingerprint> readAgain, List<CloneUnit> units, List<StatementElement> elements, out FileFingerprint? print)
    {
        print = null;
        units.Clear();
        elements.Clear();
        var r = new Reader(data);
        if (!r.Byte(out var format) || format != Format || !r.Count(out var stringCount))
            return false;
        var table = new string?[stringCount + 1];
        for (var i = 1; i <= stringCount; i++)
            if (!r.String(out table[i]))
                return false;
        if (!r.Int(out var count) || !r.Int(out var allCodeLines) || !r.Count(out var unitCount))
            return false;

        var restored = FileFingerprint.Restored(file, index, count, allCodeLines, readAgain);
        for (var i = 0; i < unitCount; i++)
        {
            if (!r.Byte(out var kind) || kind > (byte)UnitKind.Stage || !r.Int(out var symbol) || symbol > stringCount
                || !r.Int(out var startLine) || !r.Int(out var endLine) || !r.Int(out var tokenStart) || !r.Int(out var tokenEnd)
                || !r.Int(out var filteredStart) || !r.Int(out var filteredEnd) || !r.Long(out var exact) || !r.Long(out var renamed)
                || !r.Int(out var codeLines) || !r.Int(out var parent) || parent > i || !r.Byte(out var near) || near > 2)
                return false;
            if (tokenStart > tokenEnd || tokenEnd > count || filteredStart > filteredEnd)
                return false;
            var unit = new CloneUnit(restored, (UnitKind)kind, table[symbol], startLine, endLine, tokenStart, tokenEnd, filteredStart, filteredEnd, exact, renamed, codeLines, parent == 0 ? null : units[parent - 1]);
            if (near > 0)
            {
                if (!r.Long(out var nearKey))
                    return false;
                unit.RestoreNearKey(nearKey);
                uint[]? signature = null;
                if (near == 2)
                {
                    signature = new uint[MinHashSignature.Bins];
                    if (!r.Fixed(signature))
                        return false;
                }

                unit.RestoreSignature(signature);
            }

            units.Add(unit);
        }

        if (!r.Count(out var elementCount))
            return false;
        for (var i = 0; i < elementCount; i++)
        {
            if (!r.Int(out var tokenStart) || !r.Int(out var tokenEnd) || !r.Long(out var exact) || !r.Long(out var renamed)
                || !r.Int(out var codeTokens) || !r.Int(out var codeLines) || !r.Int(out var firstCodeLine) || !r.Int(out var lastCodeLine)
                || !r.Int(out var startLine) || !r.Int(out var endLine) || !r.Int(out var segment) || !r.Int(out var symbol) || symbol > stringCount)
                return false;
            if (tokenStart > tokenEnd || tokenEnd > count)
                return false;
            elements.Add(new StatementElement(tokenStart, tokenEnd, exact, renamed, codeTokens, codeLines, firstCodeLine, lastCodeLine, startLine, endLine, segment, table[symbol]));
        }

        if (!r.AtEnd || units.Count == 0 || units[0].Kind != UnitKind.File)
            return false;
        print = restored;
        return true;
    }

    private sealed class Writer
    {
        private byte[] buffer = new byte[4096];
        private int length;

        public void Byte(byte value)
        {
            Reserve(1);
            buffer[length++] = value;
        }

        public void Int(int value) => UInt((uint)value);

        public void UInt(uint value)
        {
            Reserve(5);
            while (value >= 0x80)
            {
                buffer[length++] = (byte)(value | 0x80);
                value >>= 7;
            }

            buffer[length++] = (byte)value;
        }

        /// <summary>Four bytes, little-endian: a signature's bins are hashes, which varints would make longer.</summary>
        public void Fixed(uint value)
        {
            Reserve(4);
            BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(length), value);
            length += 4;
        }

        public void Long(ulong value)
        {
            Reserve(8);
            BinaryPrimitives.WriteUInt64LittleEndian(buffer.AsSpan(length), value);
            length += 8;
        }

        public void String(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            Int(bytes.Length);
            Reserve(bytes.Length);
            bytes.CopyTo(buffer, length);
            length += bytes.Length;
        }

        public byte[] ToArray() => buffer.AsSpan(0, length).ToArray();

        private void Reserve(int more)
        {
            if (length + more <= buffer.Length)
                return;
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + more));
        }
    }

    private ref struct Reader
    {
        private readonly ReadOnlySpan<byte> data;
        private int at;

        public Reader(ReadOnlySpan<byte> data)
        {
            this.data = data;
            at = 0;
        }

        public readonly bool AtEnd => at == data.Length;

        public bool Byte(out byte value)
        {
            value = 0;
            if (at >= data.Length)
                return false;
            value = data[at++];
            return true;
        }

        public bool Int(out int value)
        {
            value = 0;
            if (!UInt(out var raw) || raw > int.MaxValue)
                return false;
            value = (int)raw;
            return true;
        }

        /// <summary>A count of items each at least a byte long: no more than the bytes left.</summary>
        public bool Count(out int value) => Int(out value) && value <= data.Length - at;

        public bool UInt(out uint value)
        {
            value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                if (at >= data.Length)
                    return false;
                var b = data[at++];
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                    return shift < 28 || b < 0x10;
            }

            return false;
        }

        public bool Fixed(uint[] values)
        {
            if (data.Length - at < 4 * values.Length)
                return false;
            for (var i = 0; i < values.Length; i++, at += 4)
                values[i] = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(at, 4));
            return true;
        }

        public bool Long(out ulong value)
        {
            value = 0;
            if (data.Length - at < 8)
                return false;
            value = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(at, 8));
            at += 8;
            return true;
        }

        public bool String(out string? value)
        {
            value = null;
            if (!Count(out var length))
                return false;
#if NET
            value = Encoding.UTF8.GetString(data.Slice(at, length));
#else
            value = Encoding.UTF8.GetString(data.Slice(at, length).ToArray());
#endif
            at += length;
            return true;
        }
    }
}
