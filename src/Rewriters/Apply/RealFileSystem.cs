using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

#pragma warning disable RS0030 // Apply/ owns writes to the user's tree and the checkpoints (BannedSymbols.IO.txt)

namespace Consolidate.Rewriters.Apply;

/// <summary>
/// The disk. Files are written with <see cref="FileMode.CreateNew"/> and flushed (<c>fsync</c>) before they are renamed
/// into place, and folders are flushed after a rename, so a crash leaves the old name or the new one with whole content.
/// <para>
/// Test-only hook: when the environment variable <see cref="KillAfterWritesVariable"/> holds a number N, the process
/// kills itself (SIGKILL, no clean-up, as a crash or <c>kill -9</c> would) right after the N-th change of the working
/// tree (a rename into place or a deletion outside <c>.consolidate/</c>). Tests use it to interrupt <c>apply</c> between
/// two writes and check that <c>rollback</c> restores the tree. The variable is read only by
/// <see cref="FromEnvironment"/>; without it nothing changes.
/// </para>
/// </summary>
public sealed class RealFileSystem : IFileSystem
{
    /// <summary>The test-only crash hook's variable (see the class summary).</summary>
    public const string KillAfterWritesVariable = "CONSOLIDATE_TEST_KILL_AFTER_WRITES";

    private readonly int? killAfterWrites;
    private int treeWrites;

    public RealFileSystem(int? killAfterWrites = null) => this.killAfterWrites = killAfterWrites;

    /// <summary>The real file system, with the crash hook armed only when <see cref="KillAfterWritesVariable"/> is set.</summary>
    public static RealFileSystem FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(KillAfterWritesVariable);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? new RealFileSystem(n) : new RealFileSystem();
    }

    public bool FileExists(string path) => new FileInfo(path) is { Exists: true, LinkTarget: null };

    public bool DirectoryExists(string path) => new DirectoryInfo(path) is { Exists: true, LinkTarget: null };

    public bool EntryExists(string path) => File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;

    public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);

    public UnixFileMode GetMode(string path) => OperatingSystem.IsWindows() ? UnixFileMode.UserRead | UnixFileMode.UserWrite : File.GetUnixFileMode(path);

    public IReadOnlyList<string> EnumerateEntries(string directory) => Directory.EnumerateFileSystemEntries(directory).ToList();

    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    public void WriteNew(string path, ReadOnlySpan<byte> content, UnixFileMode? mode)
    {
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, content, 0);
        if (mode is { } m && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(handle, m);
        RandomAccess.FlushToDisk(handle);
    }

    public void Rename(string source, string destination)
    {
        File.Move(source, destination, overwrite: true);
        CountTreeWrite(destination);
    }

    public void DeleteFile(string path)
    {
        File.Delete(path);
        CountTreeWrite(path);
    }

    public void DeleteEmptyDirectory(string path) => Directory.Delete(path, recursive: false);

    public void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, mode);
    }

    public void FlushDirectory(string path)
    {
        // .NET will not open a folder as a file, so fsync(2) is called directly; Windows has no folder flush (NTFS journals names).
        if (OperatingSystem.IsWindows())
            return;
        var fd = Open(path, 0);
        if (fd < 0)
            throw new IOException($"cannot open folder '{path}' to flush it (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            if (Fsync(fd) != 0)
                throw new IOException($"cannot flush folder '{path}' (errno {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private void CountTreeWrite(string path)
    {
        if (killAfterWrites is not { } limit || path.Replace('\\', '/').Contains("/.consolidate/", StringComparison.Ordinal))
            return;
        if (++treeWrites >= limit)
            Process.GetCurrentProcess().Kill();
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe blocks in this project; three plain int calls marshal the same either way.
    [DllImport("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
#pragma warning restore SYSLIB1054
}
