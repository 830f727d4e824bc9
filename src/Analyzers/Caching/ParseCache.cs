using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Frontends.Python;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Scanning;

#pragma warning disable RS0030 // the parse cache owns .consolidate/cache (BannedSymbols.IO.txt)

namespace Consolidate.Analyzers.Caching;

/// <summary>
/// The incremental cache: one entry per file in <c>&lt;root&gt;/.consolidate/cache/</c> holding what parsing the file
/// produced (status, reason, tree, compact tokens, symbols, facts), so a re-scan parses only what changed.
/// <para><b>Key.</b> An entry is valid for exactly one key: a hash of the cache format, the tool's identity (version
/// and build), the frontend's identity (for Python, the interpreter and its version), the language, the path and a
/// SHA-256 of the file's bytes. Configuration in <c>consolidate.yml</c> and <c>.editorconfig</c> does not change what
/// a file parses to, so it is not part of the key: the stages that read it (references, clones, rules, severities)
/// run on every scan.</para>
/// <para><b>Layout.</b> All entries live in one pack, <c>entries.pack</c> (<see cref="CachePack"/>): the entries back
/// to back, an index from slot to offset and length, and a footer. A file's slot is a hash of its path and language,
/// so an edited file replaces its own entry and the pack never holds more entries than the repository has files. An
/// entry is a header (magic, format, key, payload length, payload checksum) and the payload
/// (<see cref="ParseResultCodec"/>). Each parsed file also has a second slot for its clone facts
/// (<see cref="IUnitFactsCache"/>: the clone index's key, bytes it encodes), checked and replaced like the parse entries.</para>
/// <para><b>Safety.</b> A scan reads the committed pack through one handle and appends the entries it parses to a
/// temporary pack of its own; <see cref="Commit"/> copies the entries the scan used into it, writes its index and
/// renames it over the committed pack, so a reader, including a concurrent run, sees a whole old pack or a whole new
/// one, never a mix (the last rename wins). A pack whose footer or index does not check out is not used at all; an
/// entry whose magic, format, length, checksum or payload does not check out is dropped and the file parsed again; one
/// with another key is stale and replaced. Results that depend on the moment (a parse that timed out, a worker that
/// died) are not stored. A cache that cannot be written (a read-only checkout) is used read-only.</para>
/// Thread-safe until <see cref="Commit"/>, which ends the scan.
/// </summary>
public sealed class ParseCache : IParseResultCache, IUnitFactsCache, IInterpreterMemo, IDisposable
{
    public const int FormatVersion = 2;

    internal const string PackFileName = "entries.pack";

    private const int HeaderLength = 8 + 4 + 32 + 4 + 8;
    private static readonly byte[] Magic = "CNSLDPC1"u8.ToArray();

    private readonly string folder;
    private readonly string toolIdentity;

    /// <summary>The start of every key's material (see <see cref="Key"/>), encoded once.</summary>
    private readonly byte[] keyPrefix;
    private readonly ConcurrentDictionary<string, byte> hitSlots = new(StringComparer.Ordinal);
    // By language (an array: no generic instantiation to compile at start-up); a slot is set once, under the lock.
    private readonly bool[] identityKnown = new bool[(int)Language.Other + 1];
    private readonly string?[] identities = new string?[(int)Language.Other + 1];
    private readonly Lock identityGate = new();
    private readonly ConcurrentDictionary<string, CacheKey> pending = new(StringComparer.Ordinal);
    private readonly string root;
    private readonly bool readable;
    private readonly Lazy<(CachePack? Pack, bool Found)> committed;
    private readonly Lazy<SimilarityMemo> similarities;
    private readonly Lock appending = new();
    private readonly ConcurrentBag<EntryWriter> writers = [];
    private PackWriter? temporary;
    private string? writeFailure;
    private int hits;
    private int misses;
    private int stale;
    private int corrupt;
    private int written;

    /// <param name="root">The scanned folder; the cache lives in its <c>.consolidate/cache</c>.</param>
    /// <param name="toolIdentity">The tool's version and build; null takes <see cref="DefaultToolIdentity"/>.</param>
    public ParseCache(string root, string? toolIdentity = null)
    {
        this.root = Path.GetFullPath(root);
        folder = Path.Combine(this.root, ".consolidate", "cache");
        this.toolIdentity = toolIdentity ?? DefaultToolIdentity;
        keyPrefix = Encoding.UTF8.GetBytes($"consolidate-analyze parse cache {FormatVersion}\n{this.toolIdentity}\n");
        writeFailure = FolderProblem(Path.Combine(this.root, ".consolidate")) ?? FolderProblem(folder);
        readable = writeFailure is null;
        committed = new(() => readable ? (CachePack.Open(PackPath, out var found), found) : (null, false));
        similarities = new(() =>
        {
            if (!readable)
                return new SimilarityMemo();
            var known = SimilarityStore.Load(folder, this.toolIdentity, out similaritiesDamaged);
            return new SimilarityMemo(known);
        });
    }

    /// <summary>
    /// The near-clone similarities of the last scan (<see cref="SimilarityStore"/>), for the clone index to reuse and add
    /// to; <see cref="Commit"/> keeps the ones this scan used. Only similarities, never clone classes: those are built
    /// again on every scan.
    /// </summary>
    public SimilarityMemo Similarities => similarities.Value;

    private bool similaritiesDamaged;

    // Set by the worker pool's start-up thread, read by Commit: one reference, written whole.
    private volatile RememberedInterpreter? rememberedInterpreter;

    /// <summary>The interpreter a version manager's launcher chose last time (<see cref="InterpreterMemoStore"/>).</summary>
    public string? Recall(string key) => readable ? InterpreterMemoStore.Load(folder, key) : null;

    /// <summary>Kept for <see cref="Commit"/>, which writes it with the rest of the cache.</summary>
    public void Remember(string key, string executable) => rememberedInterpreter = new RememberedInterpreter(key, executable);

    private sealed record RememberedInterpreter(string Key, string Executable);

    /// <summary>
    /// The analyzer assembly's version and module version id (a deterministic build gets a new one whenever its code,
    /// embedded worker script included, changes), the YAML library's version and the native parser library's size.
    /// </summary>
    public static string DefaultToolIdentity { get; } = ComputeToolIdentity();

    public string Folder => folder;

    private string PackPath => Path.Combine(folder, PackFileName);

    public CacheStatistics Statistics => new(hits, misses, stale, corrupt, written, writeFailure);

    public FileModel? TryLoad(ScannedFile file, IFrontend frontend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(frontend);
        if (file.Document is not { } document)
            return null;
        if (Identity(frontend, cancellationToken) is not { } identity)
        {
            Interlocked.Increment(ref misses);
            return null;
        }

        var key = Key(file.Path, file.Language, document.Bytes, identity);
        if (TryLoad(key, document.Text) is { } hit)
            return new FileModel(file.Path, file.Language, hit.Status, hit.Reason, document.Text, hit.Parsed is null ? null : hit.Parsed with { CacheDigest = Digest(key) });
        pending[file.Path] = key;
        return null;
    }

    public FileModel Store(ScannedFile file, IFrontend frontend, FileModel model)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(model);
        if (!pending.TryRemove(file.Path, out var key) || model.Parsed is not { } parsed || IsMomentary(model.Status, parsed))
            return model;
        return Store(key, model.Status, model.Reason, parsed) ? model with { Parsed = parsed with { CacheDigest = Digest(key) } } : model;
    }

    /// <summary>The first 64 bits of an entry's key: what <see cref="ParsedSource.CacheDigest"/> carries.</summary>
    private static ulong Digest(CacheKey key) => BinaryPrimitives.ReadUInt64LittleEndian(key.Hash);

    /// <summary>How many files' clone facts this scan took from the cache, and how many it stored.</summary>
    public (int Reused, int Written) UnitFacts => (unitFactsReused, unitFactsWritten);

    private int unitFactsReused;
    private int unitFactsWritten;

    public byte[]? LoadUnitFacts(string path, Language language, ulong key)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (TryReadEntry(UnitFactsKey(path, language, key)) is not { } facts)
            return null;
        Interlocked.Increment(ref unitFactsReused);
        return facts;
    }

    public void StoreUnitFacts(string path, Language language, ulong key, byte[] facts)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(facts);
        if (Append(UnitFactsKey(path, language, key), facts, countParses: false))
            Interlocked.Increment(ref unitFactsWritten);
    }

    /// <summary>
    /// Where a file's clone facts live: a slot of their own in the same pack (a hash of "units", the language and the
    /// path, so an edited file replaces its facts too), valid for the clone index's key under this tool build.
    /// </summary>
    private CacheKey UnitFactsKey(string path, Language language, ulong key)
    {
        var slot = SHA256.HashData(Encoding.UTF8.GetBytes($"units\n{language}\n{path}"));
        var material = Encoding.UTF8.GetBytes($"consolidate-analyze unit facts {FormatVersion}\n{toolIdentity}\n{key:x16}");
        return new CacheKey(Convert.ToHexStringLower(slot.AsSpan(0, CachePack.SlotLength)), SHA256.HashData(material));
    }

    /// <summary>What a frontend's results depend on besides the tool and the file; null: not cacheable now.</summary>
    private string? Identity(IFrontend frontend, CancellationToken cancellationToken)
    {
        var slot = (int)frontend.Language;
        lock (identityGate)
        {
            if (identityKnown[slot])
                return identities[slot];
        }

        // Outside the lock: the Python frontend's identity waits for its first interpreter.
        var value = frontend is IFrontendIdentity identity
            ? identity.Identity(cancellationToken) is { } known ? frontend.GetType().FullName + "|" + known : null
            : frontend.GetType().FullName;
        lock (identityGate)
        {
            if (!identityKnown[slot])
            {
                identities[slot] = value;
                identityKnown[slot] = true;
            }

            return identities[slot];
        }
    }

    /// <summary>
    /// A result that depends on the moment, not the file: a failed parse (a timeout, a dead worker, a missing native
    /// library) or a time budget spent on a part of the file. Never stored, so the next scan tries again.
    /// </summary>
    private static bool IsMomentary(ParseStatus status, ParsedSource parsed)
    {
        if (status == ParseStatus.Failed || parsed.Failed)
            return true;
        foreach (var issue in parsed.Issues)
        {
            if (issue.Message.Contains(" budget", StringComparison.Ordinal))
                return true;
        }

        return false;
    }

    /// <summary>The key of one file's entry (see the class remarks).</summary>
    public CacheKey Key(string path, Language language, ReadOnlySpan<byte> content, string frontendIdentity)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(frontendIdentity);
        Span<byte> contentHash = stackalloc byte[32];
        SHA256.HashData(content, contentHash);

        // The key hashes the UTF-8 of "consolidate-analyze parse cache {FormatVersion}\n{toolIdentity}\n{frontendIdentity}\n
        // {language}\n{path}\n{content hash in upper-case hex}", the slot the "{language}\n{path}" inside it: both
        // encoded once into one buffer, piece by piece. Every piece ends before a '\n', so encoding them one at a time
        // gives the bytes encoding the whole string would (a lone surrogate at a piece's end is lone either way).
        var languageName = language.ToString();
        var longest = keyPrefix.Length + Encoding.UTF8.GetMaxByteCount(frontendIdentity.Length + languageName.Length + path.Length) + 3 + 2 * contentHash.Length;
        var rented = longest > 1024 ? ArrayPool<byte>.Shared.Rent(longest) : null;
        Span<byte> material = rented is null ? stackalloc byte[1024] : rented;
        try
        {
            keyPrefix.CopyTo(material);
            var at = keyPrefix.Length;
            at += Encoding.UTF8.GetBytes(frontendIdentity, material[at..]);
            material[at++] = (byte)'\n';
            var slotStart = at;
            at += Encoding.UTF8.GetBytes(languageName, material[at..]);
            material[at++] = (byte)'\n';
            at += Encoding.UTF8.GetBytes(path, material[at..]);
            var slotEnd = at;
            material[at++] = (byte)'\n';
            foreach (var b in contentHash)
            {
                material[at++] = UpperHexDigits[b >> 4];
                material[at++] = UpperHexDigits[b & 0xF];
            }

            var key = SHA256.HashData(material[..at]);
            Span<byte> slotHash = stackalloc byte[32];
            SHA256.HashData(material[slotStart..slotEnd], slotHash);
            return new CacheKey(Convert.ToHexStringLower(slotHash[..CachePack.SlotLength]), key);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static ReadOnlySpan<byte> UpperHexDigits => "0123456789ABCDEF"u8;

    /// <summary>The cached result for <paramref name="key"/>, read against the file's <paramref name="text"/>; null on a miss.</summary>
    internal (ParseStatus Status, string? Reason, ParsedSource? Parsed)? TryLoad(CacheKey key, SourceText text)
    {
        var buffer = ReadEntry(key, countParses: true, out var length);
        if (buffer is null)
            return null;
        try
        {
            var result = ParseResultCodec.Read(buffer.AsSpan(HeaderLength, length), text);
            hitSlots.TryAdd(key.Slot, 0);
            Interlocked.Increment(ref hits);
            return result;
        }
        catch (CorruptEntryException)
        {
            Interlocked.Increment(ref corrupt);
            Interlocked.Increment(ref misses);
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A copy of the payload stored under <paramref name="key"/>, when its entry checks out (the clone facts' read: not counted as a parse).</summary>
    private byte[]? TryReadEntry(CacheKey key)
    {
        var buffer = ReadEntry(key, countParses: false, out var length);
        if (buffer is null)
            return null;
        try
        {
            hitSlots.TryAdd(key.Slot, 0);
            return buffer.AsSpan(HeaderLength, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The committed entry for <paramref name="key"/>'s slot, read whole into a rented buffer (header first, then
    /// <paramref name="payloadLength"/> bytes of payload), when its header, checksum and key check out; null otherwise.
    /// The parse entries' misses and damage are counted when <paramref name="countParses"/>.
    /// </summary>
    private byte[]? ReadEntry(CacheKey key, bool countParses, out int payloadLength)
    {
        payloadLength = 0;
        if (committed.Value.Pack is not { } pack || !pack.TryGet(key.Slot, out var slot))
            return Missed(countParses);

        var buffer = ArrayPool<byte>.Shared.Rent(slot.Length);
        var entry = buffer.AsSpan(0, slot.Length);
        bool whole;
        try
        {
            whole = pack.TryRead(slot.Offset, entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return Missed(countParses);
        }

        if (!whole || !HeaderChecksOut(entry, out var payload, out var storedKey))
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return Missed(countParses, ref corrupt);
        }

        if (!storedKey.SequenceEqual(key.Hash))
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return Missed(countParses, ref stale);
        }

        payloadLength = payload.Length;
        return buffer;
    }

    /// <summary>Counts a parse entry's miss.</summary>
    private byte[]? Missed(bool countParses)
    {
        if (countParses)
            Interlocked.Increment(ref misses);
        return null;
    }

    /// <summary>Counts a parse entry's miss and why (<paramref name="reason"/>: damaged or stale).</summary>
    private byte[]? Missed(bool countParses, ref int reason)
    {
        if (countParses)
            Interlocked.Increment(ref reason);
        return Missed(countParses);
    }

    /// <summary>
    /// Appends a file's result under <paramref name="key"/> to this scan's temporary pack (a failure to write only
    /// turns writing off, and the temporary pack is deleted); false when it was not written.
    /// </summary>
    internal bool Store(CacheKey key, ParseStatus status, string? reason, ParsedSource? parsed)
    {
        if (writeFailure is not null)
            return false;

        // A writer per concurrent Store, reused entry after entry: its buffer and string table are not made again for each.
        if (!writers.TryTake(out var writer))
            writer = new EntryWriter();
        try
        {
            ParseResultCodec.Write(writer, status, reason, parsed);
            return Append(key, writer.Written, countParses: true);
        }
        finally
        {
            writer.Reset();
            writers.Add(writer);
        }
    }

    /// <summary>Appends one entry (header and <paramref name="payload"/>) to this scan's temporary pack; false when not written.</summary>
    private bool Append(CacheKey key, ReadOnlySpan<byte> payload, bool countParses)
    {
        if (writeFailure is not null)
            return false;
        Span<byte> header = stackalloc byte[HeaderLength];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], FormatVersion);
        key.Hash.CopyTo(header[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[44..], payload.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(header[48..], CachePack.Checksum(payload));

        lock (appending)
        {
            try
            {
                if ((temporary ??= StartPack()) is not { } pack)
                    return false;
                pack.Append(key.Slot, header, payload);
                if (countParses)
                    Interlocked.Increment(ref written);
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                StopWriting(e);
                return false;
            }
        }
    }

    /// <summary>
    /// Ends the scan. Unless nothing changed (no entry written, every committed entry used), commits a new pack: the
    /// entries this scan wrote and the committed ones it used, so the entries of files it did not meet (deleted or
    /// renamed files) are dropped. Then deletes what an interrupted run left behind (older than an hour, so a
    /// concurrent run's temporary pack is safe) and, once a pack is committed, the per-file layout of format 1.
    /// </summary>
    public void Commit()
    {
        lock (appending)
        {
            if (writeFailure is not null)
            {
                Close();
                return;
            }

            var (old, found) = committed.Value;
            var kept = old is null ? [] : old.Slots.Where(s => hitSlots.ContainsKey(s.Slot) && temporary?.Contains(s.Slot) != true).ToList();
            var unchanged = temporary is null && (old is null ? !found : kept.Count == old.Slots.Count);
            try
            {
                if (!unchanged && (temporary ??= StartPack()) is { } pack)
                {
                    foreach (var slot in kept)
                        pack.Copy(old!, slot);
                    pack.Finish();
                    old?.Dispose();
                    File.Move(pack.Path, PackPath, overwrite: true);
                    temporary = null;
                    RemoveFormat1Layout();
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                StopWriting(e);
            }

            if (writeFailure is null && similarities.IsValueCreated && (!similarities.Value.Unchanged || similaritiesDamaged))
                CommitBeside(() => SimilarityStore.Save(folder, toolIdentity, similarities.Value.Used()));
            if (writeFailure is null && rememberedInterpreter is { } interpreter)
                CommitBeside(() => InterpreterMemoStore.Save(folder, interpreter.Key, interpreter.Executable));
            if (writeFailure is null && Directory.Exists(folder))
                RemoveAbandonedTemporaryFiles();
            Close();
        }
    }

    /// <summary>Writes one of the files beside the pack, once the folder checks out; a failure turns writing off.</summary>
    private void CommitBeside(Action save)
    {
        try
        {
            if (PrepareFolder())
                save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            StopWriting(e);
        }
    }

    /// <summary>Closes the committed pack and deletes a temporary pack that was not committed (a cancelled scan).</summary>
    public void Dispose()
    {
        lock (appending)
            Close();
    }

    private void Close()
    {
        if (committed.IsValueCreated)
            committed.Value.Pack?.Dispose();
        DeleteTemporary();
        while (writers.TryTake(out var writer))
            writer.Dispose();
    }

    /// <summary>This scan's temporary pack in the cache folder, once the folder checks out; null (writing off) when it does not.</summary>
    private PackWriter? StartPack() =>
        PrepareFolder() ? PackWriter.Create(Path.Combine(folder, $"{PackFileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp")) : null;

    /// <summary>Creates the cache folder and its ignore file; false (writing off, with the reason) when the folder does not check out.</summary>
    private bool PrepareFolder()
    {
        Directory.CreateDirectory(folder);
        if (FolderProblem(folder) is { } problem)
        {
            writeFailure ??= problem;
            return false;
        }

        EnsureIgnored();
        return true;
    }

    private void StopWriting(Exception e)
    {
        writeFailure ??= $"cannot write the cache in {folder}: {e.Message}";
        DeleteTemporary();
    }

    private void DeleteTemporary()
    {
        if (temporary is null)
            return;
        try
        {
            temporary.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Closing flushes what is buffered, which fails again after a failed write; the file goes anyway.
        }

        TryDelete(temporary.Path);
        temporary = null;
    }

    /// <summary>Temporary packs (and format 1 temporary entries) of interrupted runs, once they are an hour old.</summary>
    private void RemoveAbandonedTemporaryFiles()
    {
        try
        {
            var now = DateTime.UtcNow;
            foreach (var file in Directory.EnumerateFiles(folder, "*.tmp"))
            {
                if (now - File.GetLastWriteTimeUtc(file) > TimeSpan.FromHours(1))
                    TryDelete(file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Housekeeping: a folder that cannot be listed is left as it is.
        }
    }

    /// <summary>Format 1 kept one file per entry in two-hex-digit folders (<c>ab/abcdef….bin</c>); the pack replaces them.</summary>
    private void RemoveFormat1Layout()
    {
        try
        {
            foreach (var directory in Directory.EnumerateDirectories(folder))
            {
                var name = Path.GetFileName(directory);
                if (name.Length != 2 || !name.All(char.IsAsciiHexDigitLower) || new DirectoryInfo(directory).LinkTarget is not null)
                    continue;
                foreach (var file in Directory.EnumerateFiles(directory))
                {
                    if (file.EndsWith(".bin", StringComparison.Ordinal) || file.EndsWith(".tmp", StringComparison.Ordinal))
                        TryDelete(file);
                }

                Directory.Delete(directory);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Housekeeping: what cannot be deleted now is tried again after the next commit.
        }
    }

    /// <summary>The slots of the pack in <paramref name="cacheFolder"/>, in offset order; empty when it is missing or unusable (for tests).</summary>
    internal static IReadOnlyList<PackSlot> PackSlots(string cacheFolder)
    {
        using var pack = CachePack.Open(Path.Combine(cacheFolder, PackFileName), out _);
        return pack?.Slots ?? [];
    }

    /// <summary>
    /// Why the cache must not use a folder: a symbolic link (a repository could point <c>.consolidate</c> anywhere, and
    /// the cache writes there) or something that is not a folder; null when it is a folder or does not exist yet.
    /// </summary>
    private string? FolderProblem(string path)
    {
        var info = new DirectoryInfo(path);
        if (info.LinkTarget is not null)
            return $"cannot write the cache in {folder}: '{Path.GetRelativePath(root, path)}' is a symbolic link, and the cache stays inside the repository";
        if (!info.Exists && File.Exists(path))
            return $"cannot write the cache in {folder}: '{Path.GetRelativePath(root, path)}' exists and is not a folder";
        return null;
    }

    /// <summary>The cache folder ignores itself, so git never offers its entries for a commit.</summary>
    private void EnsureIgnored()
    {
        var ignore = Path.Combine(folder, "..", ".gitignore");
        if (!File.Exists(ignore))
            File.WriteAllText(ignore, "# Written by consolidate-analyze: its parse cache and apply's checkpoints; never committed.\n*\n");
    }

    private static bool HeaderChecksOut(ReadOnlySpan<byte> entry, out ReadOnlySpan<byte> payload, out ReadOnlySpan<byte> key)
    {
        payload = default;
        key = default;
        if (entry.Length < HeaderLength || !entry[..8].SequenceEqual(Magic))
            return false;
        if (BinaryPrimitives.ReadInt32LittleEndian(entry[8..]) != FormatVersion)
            return false;
        var length = BinaryPrimitives.ReadInt32LittleEndian(entry[44..]);
        if (length != entry.Length - HeaderLength)
            return false;
        payload = entry[HeaderLength..];
        key = entry.Slice(12, 32);
        return BinaryPrimitives.ReadUInt64LittleEndian(entry[48..]) == CachePack.Checksum(payload);
    }


    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next commit.
        }
    }

    private static string ComputeToolIdentity()
    {
        var analyzers = typeof(ParseCache).Assembly;
        var version = analyzers.GetName().Version?.ToString() ?? "?";
        var yaml = typeof(YamlDotNet.RepresentationModel.YamlStream).Assembly.GetName().Version?.ToString() ?? "?";
        var native = Path.Combine(AppContext.BaseDirectory, Frontends.Shell.Native.TreeSitterApi.LibraryFileName);
        var nativeSize = File.Exists(native) ? new FileInfo(native).Length : -1;
        return $"{version}+{analyzers.ManifestModule.ModuleVersionId:N}; yaml {yaml}; tree-sitter {nativeSize}";
    }
}
