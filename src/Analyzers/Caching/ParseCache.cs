using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
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
/// <para><b>Layout.</b> A file's entry lives in a slot named by a hash of its path and language
/// (<c>ab/abcdef….bin</c>): an edited file overwrites its own entry, so the cache never holds more entries than the
/// repository has files, and slots of files that are gone are pruned after a scan. An entry is a header (magic, format,
/// key, payload length, payload checksum) and the payload (<see cref="ParseResultCodec"/>).</para>
/// <para><b>Safety.</b> Entries are written to a temporary file in the same folder and renamed over the slot, so a
/// reader, including a concurrent run, sees a whole old entry or a whole new one, never a mix. An entry whose magic,
/// format, length, checksum or payload does not check out is dropped and the file parsed again; one with another key
/// is stale and replaced. Results that depend on the moment (a parse that timed out, a worker that died) are not
/// stored. A cache that cannot be written (a read-only checkout) is used read-only.</para>
/// Thread-safe.
/// </summary>
public sealed class ParseCache : IParseResultCache
{
    public const int FormatVersion = 1;

    private const int HeaderLength = 8 + 4 + 32 + 4 + 8;
    private static readonly byte[] Magic = "CNSLDPC1"u8.ToArray();

    private readonly string folder;
    private readonly string toolIdentity;
    private readonly ConcurrentDictionary<string, byte> usedSlots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Language, string?> frontendIdentities = new();
    private readonly ConcurrentDictionary<string, CacheKey> pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> checkedFolders = new(StringComparer.Ordinal);
    private readonly string root;
    private readonly bool readable;
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
        writeFailure = FolderProblem(Path.Combine(this.root, ".consolidate")) ?? FolderProblem(folder);
        readable = writeFailure is null;
    }

    /// <summary>
    /// The analyzer assembly's version and module version id (a deterministic build gets a new one whenever its code,
    /// embedded worker script included, changes), the YAML library's version and the native parser library's size.
    /// </summary>
    public static string DefaultToolIdentity { get; } = ComputeToolIdentity();

    public string Folder => folder;

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
            return new FileModel(file.Path, file.Language, hit.Status, hit.Reason, document.Text, hit.Parsed);
        pending[file.Path] = key;
        return null;
    }

    public void Store(ScannedFile file, IFrontend frontend, FileModel model)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(model);
        if (!pending.TryRemove(file.Path, out var key) || model.Parsed is not { } parsed || IsMomentary(model.Status, parsed))
            return;
        Store(key, model.Status, model.Reason, parsed);
    }

    /// <summary>What a frontend's results depend on besides the tool and the file; null: not cacheable now.</summary>
    private string? Identity(IFrontend frontend, CancellationToken cancellationToken) =>
        frontendIdentities.GetOrAdd(frontend.Language, _ => frontend is IFrontendIdentity identity
            ? identity.Identity(cancellationToken) is { } value ? frontend.GetType().FullName + "|" + value : null
            : frontend.GetType().FullName);

    /// <summary>
    /// A result that depends on the moment, not the file: a failed parse (a timeout, a dead worker, a missing native
    /// library) or a time budget spent on a part of the file. Never stored, so the next scan tries again.
    /// </summary>
    private static bool IsMomentary(ParseStatus status, ParsedSource parsed) =>
        status == ParseStatus.Failed || parsed.Failed || parsed.Issues.Any(i => i.Message.Contains(" budget", StringComparison.Ordinal));

    /// <summary>The key of one file's entry (see the class remarks).</summary>
    public CacheKey Key(string path, Language language, ReadOnlySpan<byte> content, string frontendIdentity)
    {
        Span<byte> contentHash = stackalloc byte[32];
        SHA256.HashData(content, contentHash);
        var material = $"consolidate-analyze parse cache {FormatVersion}\n{toolIdentity}\n{frontendIdentity}\n{language}\n{path}\n{Convert.ToHexString(contentHash)}";
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(material));
        var slot = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{language}\n{path}")), 0, 16);
        return new CacheKey(slot, key);
    }

    /// <summary>The cached result for <paramref name="key"/>, read against the file's <paramref name="text"/>; null on a miss.</summary>
    internal (ParseStatus Status, string? Reason, ParsedSource? Parsed)? TryLoad(CacheKey key, SourceText text)
    {
        usedSlots.TryAdd(key.Slot, 0);
        if (!readable)
        {
            Interlocked.Increment(ref misses);
            return null;
        }

        byte[] entry;
        try
        {
            entry = File.ReadAllBytes(SlotPath(key.Slot));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            Interlocked.Increment(ref misses);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Interlocked.Increment(ref misses);
            return null;
        }

        if (!HeaderChecksOut(entry, out var payload, out var storedKey))
        {
            Interlocked.Increment(ref corrupt);
            Interlocked.Increment(ref misses);
            return null;
        }

        if (!storedKey.SequenceEqual(key.Hash))
        {
            Interlocked.Increment(ref stale);
            Interlocked.Increment(ref misses);
            return null;
        }

        try
        {
            var result = ParseResultCodec.Read(payload, text);
            Interlocked.Increment(ref hits);
            return result;
        }
        catch (CorruptEntryException)
        {
            Interlocked.Increment(ref corrupt);
            Interlocked.Increment(ref misses);
            return null;
        }
    }

    /// <summary>Stores a file's result under <paramref name="key"/> (atomically; a failure to write only turns writing off).</summary>
    internal void Store(CacheKey key, ParseStatus status, string? reason, ParsedSource? parsed)
    {
        usedSlots.TryAdd(key.Slot, 0);
        if (writeFailure is not null)
            return;

        var writer = new EntryWriter();
        ParseResultCodec.Write(writer, status, reason, parsed);
        var payload = writer.Written;
        var entry = new byte[HeaderLength + payload.Length];
        Magic.CopyTo(entry, 0);
        BinaryPrimitives.WriteInt32LittleEndian(entry.AsSpan(8), FormatVersion);
        key.Hash.CopyTo(entry, 12);
        BinaryPrimitives.WriteInt32LittleEndian(entry.AsSpan(44), payload.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(entry.AsSpan(48), Checksum(payload));
        payload.CopyTo(entry.AsSpan(HeaderLength));

        var target = SlotPath(key.Slot);
        var temporary = $"{target}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            var slotFolder = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(slotFolder);
            if (!checkedFolders.ContainsKey(slotFolder))
            {
                if (FolderProblem(slotFolder) is { } problem)
                {
                    writeFailure ??= problem;
                    return;
                }

                checkedFolders[slotFolder] = true;
            }

            EnsureIgnored();
            File.WriteAllBytes(temporary, entry);
            File.Move(temporary, target, overwrite: true);
            Interlocked.Increment(ref written);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            writeFailure ??= $"cannot write the cache in {folder}: {e.Message}";
            TryDelete(temporary);
        }
    }

    /// <summary>
    /// Deletes the entries of files this scan did not meet (deleted or renamed files) and temporary files an
    /// interrupted run left behind (older than an hour, so a concurrent run's are safe).
    /// </summary>
    public void Prune()
    {
        if (writeFailure is not null || !Directory.Exists(folder))
            return;
        try
        {
            var now = DateTime.UtcNow;
            foreach (var directory in Directory.EnumerateDirectories(folder))
            {
                foreach (var file in Directory.EnumerateFiles(directory))
                {
                    var name = Path.GetFileName(file);
                    if (name.EndsWith(".tmp", StringComparison.Ordinal))
                    {
                        if (now - File.GetLastWriteTimeUtc(file) > TimeSpan.FromHours(1))
                            TryDelete(file);
                    }
                    else if (name.EndsWith(".bin", StringComparison.Ordinal) && !usedSlots.ContainsKey(name[..^4]))
                    {
                        TryDelete(file);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Pruning is housekeeping: a folder that cannot be listed is left as it is.
        }
    }

    private string SlotPath(string slot) => Path.Combine(folder, slot[..2], slot + ".bin");

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

    private static bool HeaderChecksOut(byte[] entry, out ReadOnlySpan<byte> payload, out ReadOnlySpan<byte> key)
    {
        payload = default;
        key = default;
        if (entry.Length < HeaderLength || !entry.AsSpan(0, 8).SequenceEqual(Magic))
            return false;
        if (BinaryPrimitives.ReadInt32LittleEndian(entry.AsSpan(8)) != FormatVersion)
            return false;
        var length = BinaryPrimitives.ReadInt32LittleEndian(entry.AsSpan(44));
        if (length != entry.Length - HeaderLength)
            return false;
        payload = entry.AsSpan(HeaderLength);
        key = entry.AsSpan(12, 32);
        return BinaryPrimitives.ReadUInt64LittleEndian(entry.AsSpan(48)) == Checksum(payload);
    }

    private static ulong Checksum(ReadOnlySpan<byte> payload)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(payload, hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next prune.
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
