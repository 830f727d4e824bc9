namespace Consolidate.Rewriters.Apply;

/// <summary>
/// The seam between <c>apply</c>/<c>rollback</c> and the disk: every read and every change of the working tree and of
/// the checkpoints goes through it, so tests can make any single operation fail (<see cref="RealFileSystem"/> is the
/// real one). Paths are absolute. Symbolic links are never followed on purpose: callers check paths first
/// (<see cref="Validation.PathGuard"/>).
/// </summary>
public interface IFileSystem
{
    /// <summary>True when <paramref name="path"/> is a regular file (a symbolic link or a folder is not).</summary>
    bool FileExists(string path);

    bool DirectoryExists(string path);

    /// <summary>True when something (file, folder, link, even a dangling link) has this name.</summary>
    bool EntryExists(string path);

    byte[] ReadAllBytes(string path);

    UnixFileMode GetMode(string path);

    IReadOnlyList<string> EnumerateEntries(string directory);

    void CreateDirectory(string path);

    /// <summary>Creates a file that must not exist yet, writes <paramref name="content"/>, sets <paramref name="mode"/> (the process's default when null) and flushes it to disk.</summary>
    void WriteNew(string path, ReadOnlySpan<byte> content, UnixFileMode? mode);

    /// <summary>Renames <paramref name="source"/> over <paramref name="destination"/> atomically (rename(2)): readers see the old file or the new one.</summary>
    void Rename(string source, string destination);

    void DeleteFile(string path);

    /// <summary>Removes a folder that must be empty.</summary>
    void DeleteEmptyDirectory(string path);

    void SetMode(string path, UnixFileMode mode);

    /// <summary>Flushes a folder's entries (fsync on the folder), so a rename or a new file survives a power cut.</summary>
    void FlushDirectory(string path);
}
