using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

#pragma warning disable RS0030 // Apply/ owns writes to the user's tree and the checkpoints (BannedSymbols.IO.txt)

namespace Consolidate.Rewriters.Apply;

/// <summary>
/// The checkpoints of one repository, under <c>REPO/.consolidate/checkpoints/&lt;id&gt;/</c>: <c>checkpoint.json</c>,
/// <c>files/NNNN</c> (the original bytes of each touched file) and <c>patchset/</c> (a copy of the manifest and the
/// patches applied). Every write goes through <see cref="IFileSystem"/>: new files are flushed, the manifest is replaced
/// by rename, and folders are flushed, so a checkpoint read back after a crash is whole. The scanner never enters
/// <c>.consolidate/</c>, and the folder holds a <c>.gitignore</c> of <c>*</c> (as virtual environments do), so git
/// ignores it without an edit to the repository's own .gitignore and the tree stays clean.
/// </summary>
public sealed partial class CheckpointStore
{
    public const string StateFolder = ".consolidate";
    public const string ManifestName = "checkpoint.json";

    /// <summary>What <c>.consolidate/.gitignore</c> holds: git ignores the whole folder, that file included.</summary>
    public const string IgnoreEverything = "# Written by consolidate-analyze: checkpoints of 'apply' (original bytes for 'rollback'); never committed.\n*\n";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private readonly IFileSystem fileSystem;

    public CheckpointStore(string repositoryRoot, IFileSystem fileSystem)
    {
        Root = Path.GetFullPath(repositoryRoot).TrimEnd('/');
        this.fileSystem = fileSystem;
    }

    public string Root { get; }

    public string Folder => Path.Combine(Root, StateFolder, "checkpoints");

    public static bool IsId(string id) => IdPattern().IsMatch(id);

    /// <summary>A new id: UTC time to the millisecond, then six random hex digits (two applies in one millisecond still differ).</summary>
    public static string NewId(TimeProvider time) =>
        time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + RandomNumberGenerator.GetHexString(6, lowercase: true);

    public string PathOf(string id) => Path.Combine(Folder, id);

    /// <summary>Why checkpoints cannot be kept here (.consolidate or its checkpoints folder is a link or a file), or null.</summary>
    public string? FolderProblem()
    {
        foreach (var folder in new[] { Path.Combine(Root, StateFolder), Folder })
        {
            var info = new DirectoryInfo(folder);
            if (info.LinkTarget is not null)
                return $"'{Path.GetRelativePath(Root, folder)}' is a symbolic link; checkpoints stay inside the repository, so remove the link";
            if (!info.Exists && fileSystem.EntryExists(folder))
                return $"'{Path.GetRelativePath(Root, folder)}' exists and is not a folder";
        }

        return null;
    }

    /// <summary>
    /// Writes the stored files (<c>files/NNNN</c>, <c>patchset/NAME</c>) and then the manifest (state in-progress),
    /// flushing each file and folder, before anything in the tree changes.
    /// </summary>
    public void Create(Checkpoint checkpoint, IReadOnlyList<(string Name, byte[] Bytes)> stored)
    {
        var createdState = EnsureStateFolder();
        var folder = PathOf(checkpoint.Id);
        var subfolders = stored.Select(s => Path.GetDirectoryName(Path.Combine(folder, s.Name))!).Append(folder).Distinct(StringComparer.Ordinal).ToList();
        foreach (var path in new[] { Folder, folder }.Concat(subfolders))
        {
            if (!fileSystem.DirectoryExists(path))
                fileSystem.CreateDirectory(path);
        }

        foreach (var (name, bytes) in stored)
            fileSystem.WriteNew(Path.Combine(folder, name), bytes, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        foreach (var path in subfolders)
            fileSystem.FlushDirectory(path);
        Save(checkpoint);
        fileSystem.FlushDirectory(Folder);
        fileSystem.FlushDirectory(Path.Combine(Root, StateFolder));
        if (createdState)
            fileSystem.FlushDirectory(Root);
    }

    /// <summary>Creates <c>.consolidate/</c> with its <c>.gitignore</c> when missing; true when it was created.</summary>
    public bool EnsureStateFolder()
    {
        var state = Path.Combine(Root, StateFolder);
        var created = false;
        if (!fileSystem.DirectoryExists(state))
        {
            fileSystem.CreateDirectory(state);
            created = true;
        }

        var ignore = Path.Combine(state, ".gitignore");
        if (!fileSystem.EntryExists(ignore))
        {
            fileSystem.WriteNew(ignore, System.Text.Encoding.UTF8.GetBytes(IgnoreEverything), null);
            fileSystem.FlushDirectory(state);
        }

        return created;
    }

    /// <summary>Replaces the manifest atomically (temp file, flush, rename, flush the folder).</summary>
    public void Save(Checkpoint checkpoint)
    {
        var folder = PathOf(checkpoint.Id);
        var temp = Path.Combine(folder, $"{ManifestName}.{RandomNumberGenerator.GetHexString(8, lowercase: true)}.tmp");
        var bytes = JsonSerializer.SerializeToUtf8Bytes(checkpoint, Json);
        fileSystem.WriteNew(temp, [.. bytes, (byte)'\n'], UnixFileMode.UserRead | UnixFileMode.UserWrite);
        fileSystem.Rename(temp, Path.Combine(folder, ManifestName));
        fileSystem.FlushDirectory(folder);
    }

    /// <summary>The checkpoint with this id, or null and why not.</summary>
    public (Checkpoint? Checkpoint, string? Problem) Load(string id)
    {
        if (!IsId(id))
            return (null, $"'{id}' is not a checkpoint id (like 20250101T120000000Z-1a2b3c; see 'consolidate-analyze checkpoints')");
        var path = Path.Combine(PathOf(id), ManifestName);
        if (!fileSystem.FileExists(path))
        {
            return fileSystem.DirectoryExists(PathOf(id))
                ? (null, $"checkpoint {id} has no {ManifestName}: it was being written when the apply stopped, before any change to the tree; its folder can be deleted")
                : (null, $"no checkpoint {id} in {Folder}");
        }

        try
        {
            var checkpoint = JsonSerializer.Deserialize<Checkpoint>(fileSystem.ReadAllBytes(path), Json);
            if (checkpoint is null || checkpoint.SchemaVersion != 1 || checkpoint.Id != id || checkpoint.Files.IsDefault)
                return (null, $"{path}: not a version 1 checkpoint of this folder");
            return (checkpoint with
            {
                Patches = checkpoint.Patches.IsDefault ? [] : checkpoint.Patches,
                Checks = checkpoint.Checks.IsDefault ? [] : checkpoint.Checks,
                CreatedDirectories = checkpoint.CreatedDirectories.IsDefault ? [] : checkpoint.CreatedDirectories,
                RemovedDirectories = checkpoint.RemovedDirectories.IsDefault ? [] : checkpoint.RemovedDirectories,
            }, null);
        }
        catch (JsonException e)
        {
            return (null, $"{path}: unreadable ({e.Message})");
        }
    }

    /// <summary>Every checkpoint, oldest first; folders that cannot be read come back with their problem.</summary>
    public ImmutableArray<(string Id, Checkpoint? Checkpoint, string? Problem)> List()
    {
        if (!fileSystem.DirectoryExists(Folder))
            return [];
        return fileSystem.EnumerateEntries(Folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(IsId)
            .Order(StringComparer.Ordinal)
            .Select(id =>
            {
                var (checkpoint, problem) = Load(id);
                return (id, checkpoint, problem);
            })
            .ToImmutableArray();
    }

    /// <summary>The recorded original bytes of <paramref name="file"/>, checked against its sha256.</summary>
    public byte[] ReadOriginal(Checkpoint checkpoint, CheckpointFile file)
    {
        if (file.Original is null || !OriginalName().IsMatch(file.Original))
            throw new InvalidDataException($"checkpoint {checkpoint.Id}: '{file.Path}' has no stored original");
        var bytes = fileSystem.ReadAllBytes(Path.Combine(PathOf(checkpoint.Id), file.Original));
        if (Sha256(bytes) != file.Sha256)
            throw new InvalidDataException($"checkpoint {checkpoint.Id}: the stored original of '{file.Path}' ({file.Original}) does not match its recorded sha256");
        return bytes;
    }

    /// <summary>
    /// Holds <c>.consolidate/lock</c> exclusively while an apply or rollback runs, so two cannot interleave; null and why
    /// when another process holds it. The lock is advisory (flock) and dies with the process.
    /// </summary>
    public (IDisposable? Lock, string? Problem) Lock()
    {
        var state = Path.Combine(Root, StateFolder);
        EnsureStateFolder();
        try
        {
            return (new FileStream(Path.Combine(state, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), null);
        }
        catch (IOException)
        {
            return (null, $"another apply or rollback is running in {Root} (it holds {StateFolder}/lock)");
        }
    }

    /// <summary>True while another process holds <c>.consolidate/lock</c> (an apply or rollback is running right now).</summary>
    public bool IsBusy()
    {
        var path = Path.Combine(Root, StateFolder, "lock");
        if (!fileSystem.FileExists(path))
            return false;
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string ModeText(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8);

    public static UnixFileMode ParseMode(string text) => (UnixFileMode)Convert.ToInt32(text, 8);

    [GeneratedRegex("^[0-9]{8}T[0-9]{9}Z-[0-9a-f]{6}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^files/[0-9]{4,}$")]
    private static partial Regex OriginalName();
}
