using System.Diagnostics;
using Consolidate.Analyzers.Caching;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Frontends.Python;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Scanning;
using Consolidate.Tests.Support;

namespace Consolidate.Analyzers.Tests.Frontends.Python;

/// <summary>
/// A pyenv shim's choice of interpreter, remembered across runs under a key of the inputs of pyenv's choice. The shim
/// here is a stand-in laid out like pyenv's (a script in <c>ROOT/shims</c>, installed versions in
/// <c>ROOT/versions</c>, the global version in <c>ROOT/version</c>) that logs each run and then starts
/// <c>ROOT/versions/3.0.0/bin/python3</c>, a link to the machine's real interpreter.
/// </summary>
public sealed class InterpreterMemoTests
{
    private static readonly SourceDocument Ok = PythonSource.Document("import os\n");

    private static readonly Lazy<string> RealPython = new(() =>
    {
        using var process = Process.Start(new ProcessStartInfo(ExecutableSearch.Resolve("python3") ?? throw new InvalidOperationException("the tests need python3 on PATH"), ["-c", "import sys; print(sys.executable)"])
        {
            RedirectStandardOutput = true,
        })!;
        var path = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return path;
    });

    [Fact]
    public void The_key_is_stable_and_changes_with_the_inputs_of_pyenvs_choice()
    {
        using var tree = new TempTree();
        var shim = FakePyenv(tree);
        var work = Directory.CreateDirectory(tree.PathOf("work/inner")).FullName;
        var first = Key(shim, work);

        Assert.Equal(first, Key(shim, work));

        var keys = new List<string> { first };
        tree.Write("pyenv/version", "3.0.1\n");
        keys.Add(Key(shim, work));
        tree.Write("work/.python-version", "3.0.0\n");
        keys.Add(Key(shim, work));
        Directory.CreateDirectory(tree.PathOf("pyenv/versions/3.0.2"));
        keys.Add(Key(shim, work));
        tree.Write("pyenv/versions/3.0.2/bin/python3", "");
        keys.Add(Key(shim, work));
        tree.Write("pyenv/pyenv.d/exec/hook.bash", "PYENV_VERSION=3.0.2\n");
        keys.Add(Key(shim, work));
        File.AppendAllText(shim, "# rehashed\n");
        keys.Add(Key(shim, work));

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Launchers_that_are_not_pyenv_shims_have_no_key()
    {
        using var tree = new TempTree();
        var script = File.ReadAllText(FakePyenv(tree));
        var other = new[] { "bin/python3", "nopyenv/shims/python3", "binary/shims/python3", "other/shims/python3" };
        tree.Write(other[0], script).Write(other[1], script).Write(other[2], "\u007fELF pyenv")
            .Write(other[3], "#!/bin/sh\nexec /usr/bin/python3 \"$@\"\n");
        Directory.CreateDirectory(tree.PathOf("binary/versions/3.0.0"));
        Directory.CreateDirectory(tree.PathOf("other/versions/3.0.0"));

        Assert.All(other, path => Assert.Null(LauncherInputs.Of(tree.PathOf(path), tree.Root)));
        Assert.Null(LauncherInputs.Of("consolidate-no-such-python3", tree.Root));
    }

    [Fact]
    public void A_named_pipe_where_a_version_file_goes_does_not_block_the_key()
    {
        using var tree = new TempTree();
        var shim = FakePyenv(tree);
        MakeFifo(tree.PathOf(".python-version"));
        File.Delete(tree.PathOf("pyenv/version"));
        MakeFifo(tree.PathOf("pyenv/version"));

        var key = Task.Run(() => LauncherInputs.Of(shim, tree.Root));

        Assert.True(key.Wait(TimeSpan.FromSeconds(20)), "the key read a named pipe");
        Assert.NotNull(key.Result);
    }

    [Fact]
    public void The_shims_choice_is_remembered_and_later_runs_start_it_directly_until_an_input_changes()
    {
        using var tree = new TempTree();
        var shim = FakePyenv(tree);
        var memo = new RecordingMemo();

        var firstExecutable = ParseOnce(shim, memo);
        var (key, remembered) = Assert.Single(memo.Entries);
        Assert.Equal(1, ShimRuns(tree));
        Assert.Equal(firstExecutable, remembered);
        Assert.Equal(tree.PathOf("pyenv/versions/3.0.0/bin/python3"), remembered);

        Assert.Equal(remembered, ParseOnce(shim, memo));
        Assert.Equal(1, ShimRuns(tree));

        tree.Write("pyenv/version", "3.0.1\n");
        ParseOnce(shim, memo);
        Assert.Equal(2, ShimRuns(tree));
        Assert.Equal(2, memo.Entries.Count);
        Assert.Contains(key, memo.Entries.Keys);
    }

    [Fact]
    public void A_remembered_program_outside_pyenvs_versions_is_never_started()
    {
        // The memo lives in the scanned repository, which could carry one naming its own script.
        using var tree = new TempTree();
        var shim = FakePyenv(tree);
        tree.Write("repo/evil.sh", $"#!/bin/sh\necho ran >> '{tree.PathOf("evil.log")}'\nexec '{RealPython.Value}' \"$@\"\n");
        MakeExecutable(tree.PathOf("repo/evil.sh"));
        var memo = new RecordingMemo();
        ParseOnce(shim, memo);
        var key = Assert.Single(memo.Entries).Key;
        memo.Entries[key] = tree.PathOf("repo/evil.sh");
        var outside = tree.PathOf("pyenv/versions/../../repo/evil.sh");
        var notPython = tree.PathOf("pyenv/versions/3.0.0/bin/pip3");
        File.Copy(tree.PathOf("repo/evil.sh"), notPython);
        MakeExecutable(notPython);

        ParseOnce(shim, memo);
        memo.Entries[key] = outside;
        ParseOnce(shim, memo);
        memo.Entries[key] = notPython;
        ParseOnce(shim, memo);

        Assert.False(File.Exists(tree.PathOf("evil.log")), "a remembered program other than an interpreter in pyenv's versions ran");
        Assert.Equal(4, ShimRuns(tree));
    }

    [Fact]
    public void A_remembered_executable_that_is_gone_falls_back_to_the_shim()
    {
        using var tree = new TempTree();
        var shim = FakePyenv(tree);
        var memo = new RecordingMemo();
        ParseOnce(shim, memo);
        var key = Assert.Single(memo.Entries).Key;
        memo.Entries[key] = tree.PathOf("pyenv/versions/3.0.0/bin/python3-removed");

        var executable = ParseOnce(shim, memo);

        Assert.Equal(2, ShimRuns(tree));
        Assert.Equal(executable, memo.Entries[key]);
    }

    [Fact]
    public void A_scan_with_its_cache_remembers_the_choice_in_the_cache_folder()
    {
        using var tree = new TempTree().Write("app/main.py", "import os\n\n\ndef main():\n    return os.getcwd()\n");
        var shim = FakePyenv(tree);

        for (var run = 0; run < 2; run++)
        {
            using var frontends = FrontendFactory.Create(new FrontendOptions { PythonExecutable = shim, PythonWorkers = 1 });
            var result = new RepositoryAnalyzer(ConsolidateConfig.Default, frontends, new ScanOptions { Excludes = ["pyenv/", "shim.log"] }, cache: root => new ParseCache(root))
                .Analyze(tree.Root, null, CancellationToken.None);
            Assert.Equal(ParseStatus.Ok, Assert.Single(result.Model.Files, f => f.Path == "app/main.py").Status);
        }

        Assert.Equal(1, ShimRuns(tree));
        Assert.True(File.Exists(tree.PathOf(".consolidate/cache/" + InterpreterMemoStore.FileName)));
    }

    [Fact]
    public void The_cache_reads_back_its_memo_only_for_the_same_key_and_only_when_whole()
    {
        using var tree = new TempTree();
        using (var cache = new ParseCache(tree.Root))
        {
            cache.Remember("KEY", "/opt/python/bin/python3");
            cache.Commit();
        }

        using (var cache = new ParseCache(tree.Root))
        {
            Assert.Equal("/opt/python/bin/python3", cache.Recall("KEY"));
            Assert.Null(cache.Recall("OTHER"));
        }

        var path = tree.PathOf(".consolidate/cache/" + InterpreterMemoStore.FileName);
        File.WriteAllText(path, File.ReadAllText(path).TrimEnd('\n'));
        using (var cache = new ParseCache(tree.Root))
            Assert.Null(cache.Recall("KEY"));

        File.Delete(path);
        MakeFifo(path);
        var recall = Task.Run(() =>
        {
            using var cache = new ParseCache(tree.Root);
            return cache.Recall("KEY");
        });
        Assert.True(recall.Wait(TimeSpan.FromSeconds(20)), "the cache opened a named pipe");
        Assert.Null(recall.Result);
    }

    [Fact]
    public void Executables_are_found_on_absolute_path_folders_only_never_in_the_current_folder()
    {
        using var tree = new TempTree();
        tree.Write("a/tool", "#!/bin/sh\n").Write("b/tool", "#!/bin/sh\n").Write("c/tool", "#!/bin/sh\n");
        MakeExecutable(tree.PathOf("b/tool"));
        MakeExecutable(tree.PathOf("c/tool"));
        Directory.CreateDirectory(tree.PathOf("dangling"));
        File.CreateSymbolicLink(tree.PathOf("dangling/tool"), tree.PathOf("uninstalled/tool"));
        var path = string.Join(Path.PathSeparator, "relative", tree.PathOf("dangling"), tree.PathOf("a"), tree.PathOf("b"), tree.PathOf("c"));

        Assert.Equal(tree.PathOf("b/tool"), ExecutableSearch.Resolve("tool", path));
        Assert.Null(ExecutableSearch.Resolve("tool", "relative"));
        Assert.Equal(tree.PathOf("a/tool"), ExecutableSearch.Resolve(tree.PathOf("a/tool"), ""));
    }

    [Fact]
    public void An_interpreter_name_is_never_taken_from_the_current_folder()
    {
        // .NET's own search tries the current folder before PATH: a scanned repository's "python3" would run.
        var name = $"consolidate-decoy-python-{Guid.NewGuid():N}";
        var decoy = Path.Combine(Directory.GetCurrentDirectory(), name);
        var log = decoy + ".log";
        File.WriteAllText(decoy, $"#!/bin/sh\necho ran >> '{log}'\n");
        try
        {
            MakeExecutable(decoy);
            using var pool = new PythonWorkerPool(name, 1);

            var parsed = new PythonFrontend(pool).Parse(Ok, CancellationToken.None);

            Assert.True(parsed.Failed);
            Assert.StartsWith($"{name} not found on PATH", Assert.Single(parsed.Issues).Message, StringComparison.Ordinal);
            Assert.False(File.Exists(log), "the decoy in the current folder ran");
        }
        finally
        {
            File.Delete(decoy);
            File.Delete(log);
        }
    }

    private static string Key(string shim, string workingDirectory) =>
        LauncherInputs.Of(shim, workingDirectory)?.Key ?? throw new InvalidOperationException("the stand-in shim was not recognized");

    /// <summary>Parses one file on a fresh one-worker pool, prestarted with <paramref name="memo"/>; the executable its workers start.</summary>
    private static string ParseOnce(string shim, IInterpreterMemo memo)
    {
        using var pool = new PythonWorkerPool(shim, 1);
        var frontend = new PythonFrontend(pool);
        frontend.Prestart(memo);
        var parsed = frontend.Parse(Ok, CancellationToken.None);
        Assert.False(parsed.Failed, parsed.Issues.FirstOrDefault()?.Message);
        return pool.WorkerExecutable;
    }

    private static string FakePyenv(TempTree tree)
    {
        var interpreter = tree.PathOf("pyenv/versions/3.0.0/bin/python3");
        Directory.CreateDirectory(Path.GetDirectoryName(interpreter)!);
        File.CreateSymbolicLink(interpreter, RealPython.Value);
        tree.Write("pyenv/shims/python3", $"#!/bin/sh\n# a stand-in for a pyenv shim\necho ran >> '{tree.PathOf("shim.log")}'\nexec '{interpreter}' \"$@\"\n");
        tree.Write("pyenv/version", "3.0.0\n");
        var shim = tree.PathOf("pyenv/shims/python3");
        MakeExecutable(shim);
        return shim;
    }

    private static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows()) // the stand-ins are POSIX shell scripts, as pyenv's shims are
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static int ShimRuns(TempTree tree) =>
        File.Exists(tree.PathOf("shim.log")) ? File.ReadAllLines(tree.PathOf("shim.log")).Length : 0;

    private sealed class RecordingMemo : IInterpreterMemo
    {
        public Dictionary<string, string> Entries { get; } = [];

        public string? Recall(string key) => Entries.GetValueOrDefault(key);

        public void Remember(string key, string executable) => Entries[key] = executable;
    }
}
