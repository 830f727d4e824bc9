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
/// A pyenv shim's choice of interpreter, remembered across runs under a key of everything pyenv reads. The shim here
/// is a stand-in laid out like pyenv's (a script in <c>ROOT/shims</c>, installed versions in <c>ROOT/versions</c>, the
/// global version in <c>ROOT/version</c>) that logs each run and then starts the machine's python3.
/// </summary>
public sealed class InterpreterMemoTests
{
    private static readonly SourceDocument Ok = PythonSource.Document("import os\n");

    [Fact]
    public void The_key_is_stable_and_changes_with_every_input_pyenv_reads()
    {
        using var tree = new TempTree();
        var shim = FakePyenv(tree);
        var work = Directory.CreateDirectory(tree.PathOf("work/inner")).FullName;
        var first = LauncherInputs.Key(shim, work);

        Assert.NotNull(first);
        Assert.Equal(first, LauncherInputs.Key(shim, work));

        var keys = new List<string?> { first };
        tree.Write("pyenv/version", "3.0.1\n");
        keys.Add(LauncherInputs.Key(shim, work));
        tree.Write("work/.python-version", "3.0.0\n");
        keys.Add(LauncherInputs.Key(shim, work));
        Directory.CreateDirectory(tree.PathOf("pyenv/versions/3.0.2"));
        keys.Add(LauncherInputs.Key(shim, work));
        File.AppendAllText(shim, "# rehashed\n");
        keys.Add(LauncherInputs.Key(shim, work));

        Assert.All(keys, Assert.NotNull);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Launchers_that_are_not_pyenv_shims_have_no_key()
    {
        using var tree = new TempTree();
        var shim = FakePyenv(tree);
        var script = File.ReadAllText(shim);
        tree.Write("bin/python3", script);
        tree.Write("nopyenv/shims/python3", script);
        tree.Write("binary/shims/python3", "\u007fELF pyenv");
        Directory.CreateDirectory(tree.PathOf("binary/versions/3.0.0"));
        tree.Write("other/shims/python3", "#!/bin/sh\nexec /usr/bin/python3 \"$@\"\n");
        Directory.CreateDirectory(tree.PathOf("other/versions/3.0.0"));

        Assert.Null(LauncherInputs.Key(tree.PathOf("bin/python3"), tree.Root));
        Assert.Null(LauncherInputs.Key(tree.PathOf("nopyenv/shims/python3"), tree.Root));
        Assert.Null(LauncherInputs.Key(tree.PathOf("binary/shims/python3"), tree.Root));
        Assert.Null(LauncherInputs.Key(tree.PathOf("other/shims/python3"), tree.Root));
        Assert.Null(LauncherInputs.Key("consolidate-no-such-python3", tree.Root));
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
        Assert.True(Path.IsPathFullyQualified(remembered), remembered);
        Assert.NotEqual(shim, remembered);

        Assert.Equal(remembered, ParseOnce(shim, memo));
        Assert.Equal(1, ShimRuns(tree));

        tree.Write("pyenv/version", "3.0.1\n");
        ParseOnce(shim, memo);
        Assert.Equal(2, ShimRuns(tree));
        Assert.Equal(2, memo.Entries.Count);
        Assert.Contains(key, memo.Entries.Keys);
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
    }

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
        var python = LauncherInputs.Resolve("python3") ?? throw new InvalidOperationException("the tests need python3 on PATH");
        tree.Write("pyenv/shims/python3", $"#!/bin/sh\n# a stand-in for a pyenv shim\necho ran >> '{tree.PathOf("shim.log")}'\nexec '{python}' \"$@\"\n");
        tree.Write("pyenv/version", "3.0.0\n");
        Directory.CreateDirectory(tree.PathOf("pyenv/versions/3.0.0"));
        var shim = tree.PathOf("pyenv/shims/python3");
        if (!OperatingSystem.IsWindows()) // the stand-in is a POSIX shell script, as pyenv's shims are
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return shim;
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
