using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Consolidate.Analyzers.Clones;

#pragma warning disable RS0030 // the parse cache owns .consolidate/cache (BannedSymbols.IO.txt)

namespace Consolidate.Analyzers.Caching;

/// <summary>
/// The cache's file of near-clone similarities (<see cref="SimilarityMemo"/>), <c>similarities.bin</c> beside the
/// pack: a header (magic, format, a hash of the tool's identity, the count), the entries (key, similarity) in key
/// order, and a checksum of everything before it. A file of another tool build, or one that does not check out in
/// any way, is not used (the similarities are computed again and the file replaced); it is written whole to a
/// temporary file and renamed over the old one, so a reader sees a whole file, old or new.
/// </summary>
internal static class SimilarityStore
{
    internal const string FileName = "similarities.bin";

    private const int FormatVersion = 1;
    private const int HeaderLength = 8 + 4 + 32 + 4;
    private const int EntryLength = 16;
    private static readonly byte[] Magic = "CNSLDSM1"u8.ToArray();

    /// <summary>The similarities stored in <paramref name="folder"/> for <paramref name="toolIdentity"/>; none when missing, damaged or another build's.</summary>
    public static Dictionary<ulong, double> Load(string folder, string toolIdentity, out bool damaged)
    {
        damaged = false;
        var path = Path.Combine(folder, FileName);
        byte[] data;
        try
        {
            if (!File.Exists(path))
                return [];
            if (!CacheFile.IsPlain(path))
            {
                damaged = true;
                return [];
            }

            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        if (data.Length < HeaderLength + 8 || !data.AsSpan(0, 8).SequenceEqual(Magic))
        {
            damaged = true;
            return [];
        }

        var body = data.AsSpan(0, data.Length - 8);
        if (CachePack.Checksum(body) != BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(data.Length - 8)))
        {
            damaged = true;
            return [];
        }

        // A whole file of another format or build is not damaged: it is simply not this tool's.
        if (BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(8)) != FormatVersion || !data.AsSpan(12, 32).SequenceEqual(IdentityHash(toolIdentity)))
            return [];

        var count = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(44));
        if (count < 0 || (long)count * EntryLength != body.Length - HeaderLength)
        {
            damaged = true;
            return [];
        }

        var entries = new Dictionary<ulong, double>(count);
        for (var i = 0; i < count; i++)
        {
            var entry = body.Slice(HeaderLength + i * EntryLength, EntryLength);
            var similarity = BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(entry[8..]));
            if (!(similarity is >= 0 and <= 1) || !entries.TryAdd(BinaryPrimitives.ReadUInt64LittleEndian(entry), similarity))
            {
                damaged = true;
                return [];
            }
        }

        return entries;
    }

    /// <summary>Writes <paramref name="entries"/> for <paramref name="toolIdentity"/> into <paramref name="folder"/> (temporary file, then rename).</summary>
    public static void Save(string folder, string toolIdentity, IReadOnlyList<KeyValuePair<ulong, double>> entries)
    {
        var data = new byte[HeaderLength + entries.Count * EntryLength + 8];
        Magic.CopyTo(data, 0);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(8), FormatVersion);
        IdentityHash(toolIdentity).CopyTo(data, 12);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(44), entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = data.AsSpan(HeaderLength + i * EntryLength, EntryLength);
            BinaryPrimitives.WriteUInt64LittleEndian(entry, entries[i].Key);
            BinaryPrimitives.WriteInt64LittleEndian(entry[8..], BitConverter.DoubleToInt64Bits(entries[i].Value));
        }

        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(data.Length - 8), CachePack.Checksum(data.AsSpan(0, data.Length - 8)));
        CacheFile.Replace(folder, FileName, data);
    }

    private static byte[] IdentityHash(string toolIdentity) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"consolidate-analyze similarities {FormatVersion}\n{toolIdentity}"));
}
