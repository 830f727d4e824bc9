using Consolidate.Rewriters.Apply;

namespace Consolidate.Rewriters.Tests.Apply;

/// <summary>
/// The real file system, except that chosen operations throw. Operations on the working tree (anything outside
/// <c>.consolidate/</c>) are numbered from 1 as they happen; <see cref="Fault"/> sees the number, the operation and the
/// path and returns the exception to throw, or null to let it through.
/// </summary>
internal sealed class FaultInjectingFileSystem : IFileSystem
{
    private readonly IFileSystem inner = new RealFileSystem();
    private readonly string stateFolder;

    public FaultInjectingFileSystem(string repositoryRoot, Func<int, string, string, Exception?> fault)
    {
        stateFolder = Path.Combine(Path.GetFullPath(repositoryRoot), ".consolidate");
        Fault = fault;
    }

    public Func<int, string, string, Exception?> Fault { get; }

    /// <summary>How many working-tree operations ran (or were attempted).</summary>
    public int TreeOperations { get; private set; }

    public int Injected { get; private set; }

    /// <summary>Fails the <paramref name="index"/>-th working-tree operation once with <paramref name="exception"/>.</summary>
    public static FaultInjectingFileSystem FailAt(string root, int index, Func<string, Exception> exception) =>
        new(root, (n, _, path) => n == index ? exception(path) : null);

    public bool FileExists(string path) => inner.FileExists(path);

    public bool DirectoryExists(string path) => inner.DirectoryExists(path);

    public bool EntryExists(string path) => inner.EntryExists(path);

    public byte[] ReadAllBytes(string path) => inner.ReadAllBytes(path);

    public UnixFileMode GetMode(string path) => inner.GetMode(path);

    public IReadOnlyList<string> EnumerateEntries(string directory) => inner.EnumerateEntries(directory);

    public void CreateDirectory(string path)
    {
        Check(nameof(CreateDirectory), path);
        inner.CreateDirectory(path);
    }

    public void WriteNew(string path, ReadOnlySpan<byte> content, UnixFileMode? mode)
    {
        Check(nameof(WriteNew), path);
        inner.WriteNew(path, content, mode);
    }

    public void Rename(string source, string destination)
    {
        Check(nameof(Rename), destination);
        inner.Rename(source, destination);
    }

    public void DeleteFile(string path)
    {
        Check(nameof(DeleteFile), path);
        inner.DeleteFile(path);
    }

    public void DeleteEmptyDirectory(string path)
    {
        Check(nameof(DeleteEmptyDirectory), path);
        inner.DeleteEmptyDirectory(path);
    }

    public void SetMode(string path, UnixFileMode mode)
    {
        Check(nameof(SetMode), path);
        inner.SetMode(path, mode);
    }

    public void FlushDirectory(string path)
    {
        Check(nameof(FlushDirectory), path);
        inner.FlushDirectory(path);
    }

    private void Check(string operation, string path)
    {
        var inState = path == stateFolder || path.StartsWith(stateFolder + "/", StringComparison.Ordinal);
        if (inState)
        {
            if (Fault(0, operation, path) is { } stateFault)
            {
                Injected++;
                throw stateFault;
            }

            return;
        }

        if (Fault(++TreeOperations, operation, path) is { } exception)
        {
            Injected++;
            throw exception;
        }
    }
}
