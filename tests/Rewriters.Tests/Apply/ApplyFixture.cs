using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Consolidate.Rewriters.Apply;
using Consolidate.Rewriters.Patches;
using Consolidate.Rewriters.Tests.Support;
using Consolidate.Rewriters.Validation;

namespace Consolidate.Rewriters.Tests.Apply;

/// <summary>
/// A committed git repository on disk and a patch set for it, in a temp folder deleted on dispose.
/// <see cref="MultiFile"/> is hand-written in our format (through <see cref="PatchRenderer"/> and
/// <see cref="PatchSetWriter"/>): two patches editing, creating (executable, in new folders) and deleting files (the
/// last one of its folder), touching one file twice, a read-only file, an executable, CRLF without a final break.
/// <see cref="FromFix"/> runs the real fix pipeline on a fixture.
/// </summary>
internal sealed class ApplyFixture : IDisposable
{
    private ApplyFixture()
    {
        Work = Tools.TempDirectory();
        Repo = Path.Combine(Work, "repo");
        Set = Path.Combine(Work, "set");
        Directory.CreateDirectory(Repo);
    }

    public string Work { get; }

    public string Repo { get; }

    public string Set { get; }

    public static ApplyFixture MultiFile()
    {
        var f = new ApplyFixture();
        f.Write("app/main.py", "import os\n\n\ndef main():\n    print('conceptual')\n\n\nif __name__ == '__main__':\n    main()\n", "644");
        f.Write("scripts/run.sh", "#!/bin/sh\necho run\nexit 0\n", "755");
        f.Write("old/legacy.txt", "legacy\n", "644");
        f.Write("conf/readonly.cfg", "key = 1\nother = 2\n", "444");
        f.Write("notes/crlf.txt", "a\r\nb\r\nc", "644");
        f.Write("keep.txt", "keep\n", "600");
        f.Commit();

        var main1 = "import os\n\n\ndef main():\n    print('theoretical')\n\n\nif __name__ == '__main__':\n    main()\n";
        var main2 = "import os\n\n\ndef main():\n    print('theoretical')\n    return 0\n\n\nif __name__ == '__main__':\n    main()\n";
        f.WriteSet(
            ("edit", [
                f.Edit("app/main.py", main1),
                f.Edit("scripts/run.sh", "#!/bin/sh\necho running\nexit 0\n"),
                new FilePatch("old/legacy.txt", f.Bytes("old/legacy.txt"), null),
                f.Edit("notes/crlf.txt", "a\r\nB\r\nc"),
            ]),
            ("create", [
                new FilePatch("new/dir/created.sh", null, Encoding.UTF8.GetBytes("#!/bin/sh\necho new\n"), "100755"),
                new FilePatch("app/main.py", Encoding.UTF8.GetBytes(main1), Encoding.UTF8.GetBytes(main2)),
                f.Edit("conf/readonly.cfg", "key = 2\nother = 2\n"),
            ]));
        return f;
    }

    /// <summary>A committed copy of samples/ (modes kept), with no patch set yet.</summary>
    public static ApplyFixture FromSamples()
    {
        var f = new ApplyFixture();
        Tools.CopyTree(Tools.RepositoryPath("samples"), f.Repo);
        f.Commit();
        return f;
    }

    /// <summary>The repository of <c>tests/Fixtures/&lt;name&gt;/input</c>, committed, with the patch set the real fix pipeline makes for it.</summary>
    public static ApplyFixture FromFix(string name, bool includeUnsafe = false)
    {
        var f = new ApplyFixture();
        Tools.CopyTree(Path.Combine(Tools.RepositoryPath("tests/Fixtures"), name, "input"), f.Repo);
        f.Commit();
        var (_, set) = FixRunner.Run(f.Repo, includeUnsafe);
        Assert.NotEmpty(set.Patches);
        PatchSetWriter.Write(set, f.Set);
        return f;
    }

    public ApplyOutcome Apply(IFileSystem? fileSystem = null, bool allowDirty = false, bool validate = false, params string[] only) =>
        new PatchSetApplier(fileSystem ?? new RealFileSystem(), TimeProvider.System)
            .Apply(new ApplyRequest(Repo, Set, [.. only], allowDirty), validate ? ct => FixRunner.Scan(Repo) : null, CancellationToken.None);

    public RollbackOutcome Rollback(string? id = null, bool force = false, IFileSystem? fileSystem = null) =>
        new CheckpointRollback(fileSystem ?? new RealFileSystem()).Rollback(Repo, id, force);

    /// <summary>The snapshot of the tree after a clean apply, made on a copy (same content and modes as the repository).</summary>
    public SortedDictionary<string, string> AppliedSnapshot()
    {
        var copy = Path.Combine(Work, "copy-" + Guid.NewGuid().ToString("N")[..8]);
        Tools.Run(Work, "cp", "-a", Repo, copy);
        var outcome = new PatchSetApplier(new RealFileSystem(), TimeProvider.System).Apply(new ApplyRequest(copy, Set, [], AllowDirty: true), null, CancellationToken.None);
        Assert.True(outcome.Status == ApplyStatus.Applied, string.Join("\n", outcome.Problems));
        var snapshot = TreeSnapshot.Of(copy);
        Directory.Delete(copy, recursive: true);
        return snapshot;
    }

    public void Write(string path, string content, string mode)
    {
        var full = Path.Combine(Repo, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (File.Exists(full))
            File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllBytes(full, Encoding.UTF8.GetBytes(content));
        File.SetUnixFileMode(full, (UnixFileMode)Convert.ToInt32(mode, 8));
    }

    public void Commit()
    {
        if (!Directory.Exists(Path.Combine(Repo, ".git")))
            Git("init", "-q");
        Git("add", "-A");
        Git("-c", "user.email=test@example.com", "-c", "user.name=test", "commit", "-q", "-m", "state");
    }

    public void Git(params string[] arguments)
    {
        var (code, output) = Tools.Run(Repo, "git", arguments);
        Assert.True(code == 0, $"git {string.Join(' ', arguments)}: {output}");
    }

    /// <summary>Writes a patch set (patches numbered in order, baseline from the tree as it is now) in our format.</summary>
    public void WriteSet(params (string Family, FilePatch[] Files)[] patches) => WriteSet(Set, patches);

    /// <summary>Writes a patch set into <paramref name="directory"/>, as <see cref="WriteSet((string Family, FilePatch[] Files)[])"/> does.</summary>
    public void WriteSet(string directory, params (string Family, FilePatch[] Files)[] patches)
    {
        var baseline = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        var planned = ImmutableArray.CreateBuilder<PlannedPatch>();
        foreach (var (family, files) in patches)
        {
            foreach (var file in files)
            {
                var full = Path.Combine(Repo, file.Path);
                baseline.TryAdd(file.Path, File.Exists(full) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(full))) : null);
            }

            var touched = files.Select(p => p.Path).Order(StringComparer.Ordinal).ToImmutableArray();
            planned.Add(new PlannedPatch($"{planned.Count + 1:00}-{family}.patch", family, ["CONS401"], touched, family, [], PatchRenderer.Render($"{family}: hand-written for a test", files)));
        }

        var metrics = new RepositoryMetrics(0, 0, 0, 0, 0, 0, ImmutableSortedDictionary<string, int>.Empty);
        PatchSetWriter.Write(new PatchSet("repo", planned.ToImmutable(), [], baseline.ToImmutableSortedDictionary(StringComparer.Ordinal), metrics, metrics), directory);
    }

    public void Dispose()
    {
        // Read-only files and folders must not stop the clean-up.
        Tools.Run(Work, "chmod", "-R", "u+rwX", Work);
        Directory.Delete(Work, recursive: true);
    }

    private byte[] Bytes(string path) => File.ReadAllBytes(Path.Combine(Repo, path));

    /// <summary>A patch turning <paramref name="path"/> as it is now into <paramref name="after"/>.</summary>
    public FilePatch Edit(string path, string after)
    {
        var full = Path.Combine(Repo, path);
        var mode = (File.GetUnixFileMode(full) & UnixFileMode.UserExecute) != 0 ? "100755" : "100644";
        return new FilePatch(path, File.ReadAllBytes(full), Encoding.UTF8.GetBytes(after), mode);
    }
}
