using System.Buffers;
using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

#pragma warning disable RS0030 // Scanning/ is the engine's only reader of the repository (BannedSymbols.IO.txt)

namespace Consolidate.Analyzers.Scanning;

/// <summary>
/// Walks a folder the way git sees it and reads what it finds. Honours nested .gitignore files, those of the folders
/// between the git top level and the scan root, and <c>.git/info/exclude</c>; outside a git repository it still
/// honours .gitignore files. Never follows a symbolic link; never descends into <c>.git</c> or the tool's own
/// <c>.consolidate</c> folder. Every file the walk meets comes back once, sorted by path, with a status:
/// ignored files are not listed (git does not see them); excluded, binary, oversized and linked files are
/// <see cref="ParseStatus.Skipped"/> with the reason.
/// </summary>
public sealed class RepositoryScanner
{
    private readonly ScanOptions options;

    public RepositoryScanner(ScanOptions options) => this.options = options;

    public ImmutableArray<ScannedFile> Scan(string root, CancellationToken cancellationToken)
    {
        var entries = List(root, cancellationToken);
        var results = new ScannedFile[entries.Length];
        Parallel.For(
            0,
            entries.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            i => results[i] = Read(entries[i]));
        return results.ToImmutableArray();
    }

    /// <summary>
    /// The walk alone, sorted by path: what <see cref="Scan"/> would return, not yet read. A caller that reads and
    /// processes each entry in turn (<see cref="Read"/>) holds the bytes of a few files at a time, not of all.
    /// </summary>
    public ImmutableArray<ScanEntry> List(string root, CancellationToken cancellationToken) => List(root, null, cancellationToken);

    /// <summary>The same, telling <paramref name="fileListed"/> each file's relative path as the walk meets it.</summary>
    public ImmutableArray<ScanEntry> List(string root, Action<string>? fileListed, CancellationToken cancellationToken)
    {
        root = Path.GetFullPath(root);
        var gitTop = FindGitTopLevel(root);
        var prefix = gitTop is null ? "" : Path.GetRelativePath(gitTop, root).Replace('\\', '/');
        if (prefix == ".")
            prefix = "";

        var rules = IgnoreRules.Empty;
        if (gitTop is not null)
        {
            rules = rules.With(ReadIgnoreFile(InfoExcludePath(gitTop), "", ".git/info/exclude"));
            var folder = "";
            foreach (var part in prefix.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                rules = rules.With(ReadIgnoreFile(Path.Combine(gitTop, folder, ".gitignore"), folder, Join(folder, ".gitignore")));
                folder = Join(folder, part);
            }
        }

        var excludes = options.Excludes
            .Select((glob, i) => IgnorePattern.Parse(glob, prefix, "exclude", i + 1))
            .OfType<IgnorePattern>()
            .ToImmutableArray();

        var entries = new List<ScanEntry>();
        Walk(root, root, "", prefix, rules, excludes, excluded: null, entries, fileListed, cancellationToken);
        return entries.ToImmutableArray();
    }

    private void Walk(
        string scanRoot,
        string directory,
        string relative,
        string prefix,
        IgnoreRules rules,
        ImmutableArray<IgnorePattern> excludes,
        string? excluded,
        List<ScanEntry> entries,
        Action<string>? fileListed,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var matchBase = Join(prefix, relative);
        rules = rules.With(ReadIgnoreFile(Path.Combine(directory, ".gitignore"), matchBase, Join(relative, ".gitignore")));

        FileSystemInfo[] children;
        try
        {
            children = new DirectoryInfo(directory).GetFileSystemInfos();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            entries.Add(new ScanEntry(relative.Length == 0 ? "." : relative, directory, $"cannot list folder: {e.Message}"));
            return;
        }

        Array.Sort(children, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var child in children)
        {
            var childRelative = Join(relative, child.Name);
            var isDirectory = child is DirectoryInfo;
            if (isDirectory && child.Name is ".git" or ".consolidate")
                continue;
            if (child.Name == ".git" && relative.Length == 0)
                continue;

            var matchPath = Join(prefix, childRelative);
            var isLink = (child.Attributes & FileAttributes.ReparsePoint) != 0 && child.LinkTarget is not null;
            if (rules.IsIgnored(matchPath, isDirectory && !isLink))
                continue;
            if (options.OmitPaths.Contains(childRelative))
                continue;

            var childExcluded = excluded ?? excludes.LastOrDefault(p => p.Matches(matchPath, isDirectory && !isLink) && !p.Negated)?.Glob;
            if (isLink)
            {
                entries.Add(new ScanEntry(childRelative, child.FullName, DescribeLink(child, scanRoot)));
                continue;
            }

            if (isDirectory)
            {
                Walk(scanRoot, child.FullName, childRelative, prefix, rules, excludes, childExcluded, entries, fileListed, cancellationToken);
                continue;
            }

            entries.Add(new ScanEntry(childRelative, child.FullName, childExcluded is null ? null : $"excluded by '{childExcluded}'"));
            if (childExcluded is null)
                fileListed?.Invoke(childRelative);
        }
    }

    private static string DescribeLink(FileSystemInfo link, string scanRoot)
    {
        try
        {
            var target = link.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists)
                return $"symbolic link to '{link.LinkTarget}', which does not exist";
            var inside = Path.GetRelativePath(scanRoot, target.FullName);
            if (inside == ".." || inside.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(inside))
                return $"symbolic link to '{link.LinkTarget}', outside the repository: not followed";
            return $"symbolic link to '{inside.Replace('\\', '/')}': scanned at its target, not twice";
        }
        catch (IOException e)
        {
            return $"symbolic link that cannot be resolved (a loop?): {e.Message}";
        }
    }

    /// <summary>Reads, classifies and decodes one entry of <see cref="List"/>.</summary>
    public ScannedFile Read(ScanEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (relative, full, skipReason) = entry;
        var name = relative[(relative.LastIndexOf('/') + 1)..];
        var language = FileClassifier.ByName(name);
        if (skipReason is not null)
            return new ScannedFile(relative, language, ParseStatus.Skipped, skipReason, 0, null);

        byte[] bytes;
        long size;
        try
        {
            using var handle = File.OpenHandle(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            size = RandomAccess.GetLength(handle);
            if (size > options.MaxFileBytes)
            {
                return new ScannedFile(relative, language, ParseStatus.Skipped,
                    $"larger than the {FormatBytes(options.MaxFileBytes)} size limit ({FormatBytes(size)})", size, null);
            }

            // Like git, look at the first 8,000 bytes for a NUL before reading the rest: binary files are not read whole.
            // A file's bytes usually live until the report is written (they are its text): they go to the pinned heap,
            // which the collector never copies, instead of being copied from generation to generation. The head of a
            // bigger file is only a look, so it comes from the pool.
            var headLength = (int)Math.Min(size, TextDecoder.BinarySniffLength);
            var wholeInHead = headLength == size;
            var head = wholeInHead ? GC.AllocateUninitializedArray<byte>(headLength, pinned: true) : ArrayPool<byte>.Shared.Rent(headLength);
            try
            {
                var headRead = ReadFully(handle, head.AsSpan(0, headLength), 0);
                if (TextDecoder.LooksBinary(head.AsSpan(0, headRead)))
                {
                    return new ScannedFile(relative, language, ParseStatus.Skipped,
                        $"binary (NUL byte at offset {head.AsSpan(0, headRead).IndexOf((byte)0)})", size, null);
                }

                if (wholeInHead)
                {
                    bytes = headRead == size ? head : head[..headRead];
                }
                else
                {
                    bytes = GC.AllocateUninitializedArray<byte>((int)size, pinned: true);
                    head.AsSpan(0, headRead).CopyTo(bytes);
                    var total = headRead + ReadFully(handle, bytes.AsSpan(headRead), headRead);
                    if (total != size)
                        bytes = bytes[..total];
                }
            }
            finally
            {
                if (!wholeInHead)
                    ArrayPool<byte>.Shared.Return(head);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ScannedFile(relative, language, ParseStatus.Failed, $"cannot read: {e.Message}", 0, null);
        }

        if (language == Language.Other && FileClassifier.NeedsShebang(name))
            language = FileClassifier.ByShebang(bytes);

        if (IsOwnReport(name, bytes))
            return new ScannedFile(relative, language, ParseStatus.Skipped, "a consolidate-analyze report or patch-set manifest: not scanned", size, null);

        // ASCII (most source files): nothing to decode or recover, and the text is decoded only if someone reads it.
        if (System.Text.Ascii.IsValid(bytes))
            return new ScannedFile(relative, language, ParseStatus.Ok, null, bytes.Length, new SourceDocument(relative, language, bytes, SourceText.FromAscii(bytes), null));

        // Plain UTF-8 (no BOM, nothing to recover): the same, counted from the bytes.
        if (TextDecoder.IsPlainUtf8(bytes))
            return new ScannedFile(relative, language, ParseStatus.Ok, null, bytes.Length, new SourceDocument(relative, language, bytes, SourceText.FromUtf8(bytes), null));

        var decoded = TextDecoder.Decode(bytes);
        var document = new SourceDocument(relative, language, bytes, new SourceText(decoded.Text), decoded.Note);
        return new ScannedFile(relative, language, decoded.Recovered ? ParseStatus.Recovered : ParseStatus.Ok, decoded.Note, bytes.Length, document);
    }

    /// <summary>
    /// Our own JSON/SARIF reports, baselines and patch-set manifests carry the tool's name in their first bytes; a
    /// report written into the repository must not be scanned (and counted) on the next run.
    /// </summary>
    private static bool IsOwnReport(string name, byte[] bytes)
    {
        if (!name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".sarif", StringComparison.OrdinalIgnoreCase))
            return false;
        var head = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 600));
        return head.Contains("\"consolidate-analyze\"", StringComparison.Ordinal)
            && (head.Contains("\"schemaVersion\"", StringComparison.Ordinal) || head.Contains("\"runs\"", StringComparison.Ordinal) || head.Contains("\"fingerprints\"", StringComparison.Ordinal));
    }

    /// <summary>Reads into <paramref name="buffer"/> from <paramref name="offset"/> until it is full or the file ends; the count read.</summary>
    internal static int ReadFully(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (read == 0)
                break;
            total += read;
        }

        return total;
    }

    internal static string? FindGitTopLevel(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var git = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
                return current.FullName;
        }

        return null;
    }

    private static string InfoExcludePath(string gitTop)
    {
        var git = Path.Combine(gitTop, ".git");
        if (File.Exists(git))
        {
            // A worktree or submodule: ".git" is a file "gitdir: <path>".
            var line = File.ReadAllText(git).Trim();
            if (line.StartsWith("gitdir:", StringComparison.Ordinal))
                git = Path.GetFullPath(Path.Combine(gitTop, line["gitdir:".Length..].Trim()));
        }

        return Path.Combine(git, "info", "exclude");
    }

    private static ImmutableArray<IgnorePattern> ReadIgnoreFile(string path, string baseDirectory, string source)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.LinkTarget is not null || info.Length > 1024 * 1024)
                return ImmutableArray<IgnorePattern>.Empty;
            return IgnoreRules.ParseFile(File.ReadAllText(path), baseDirectory, source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ImmutableArray<IgnorePattern>.Empty;
        }
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : a + "/" + b;

    internal static string FormatBytes(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MiB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KiB" : $"{bytes} B";
}
