using Consolidate.Analyzers.Caching;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Frontends.Python;
using Consolidate.Analyzers.Scanning;
using Consolidate.Tests.Support;

namespace Consolidate.Analyzers.Tests.Caching;

/// <summary>
/// The parse cache through whole scans: what a warm scan reuses, what each kind of change invalidates (exactly that),
/// damaged and concurrent use, and housekeeping.
/// </summary>
public sealed class ParseCacheTests : IClassFixture<ParseCacheTests.Frontends>
{
    private const string Module = "import os\nfrom app import helpers\n\n\ndef main(path):\n    # read the conceptual config\n    with open(os.path.join(path, 'x')) as f:\n        return helpers.parse(f.read())\n";
    private const string Script = "#!/usr/bin/env bash\nset -euo pipefail\nsource ./lib.sh\npython3 app/main.py \"$1\"\necho done\n";
    private const string Dockerfile = "FROM python:3.12-slim\nCOPY app/ /app/\nRUN pip install --no-cache-dir -r /app/requirements.txt \\\n && useradd app\nUSER app\nCMD [\"python\", \"/app/main.py\"]\n";
    private const string Compose = "services:\n  app:\n    build: .\n    privileged: true\n";

    /// <summary>Four parsed languages (six files through a frontend, two of them Python) and one file without one.</summary>
    private const int ParsedFiles = 6;

    private readonly Frontends frontends;

    public ParseCacheTests(Frontends frontends) => this.frontends = frontends;

    private static TempTree Repository() => new TempTree()
        .Write("app/main.py", Module)
        .Write("app/helpers.py", "def parse(text):\n    return text.split()\n")
        .Write("run.sh", Script)
        .Write("lib.sh", "log() { echo \"$@\"; }\n")
        .Write("Dockerfile", Dockerfile)
        .Write("docker-compose.yml", Compose)
        .Write("app/requirements.txt", "requests\n");

    [Fact]
    public void A_warm_scan_reads_every_parsed_file_from_the_cache_and_finds_exactly_the_same()
    {
        using var tree = Repository();

        var cold = Scan(tree);
        var warm = Scan(tree);

        Assert.Equal(new CacheStatistics(0, ParsedFiles, 0, 0, ParsedFiles, null), cold.Cache);
        Assert.Equal(new CacheStatistics(ParsedFiles, 0, 0, 0, 0, null), warm.Cache);
        AssertSameAnalysis(cold, warm);
    }

    [Fact]
    public void A_changed_file_is_parsed_again_and_no_other()
    {
        using var tree = Repository();
        Scan(tree);
        tree.Write("app/helpers.py", "import app.main\n\n\ndef parse(text):\n    return app.main.main(text)\n");

        var changed = Scan(tree);

        Assert.Equal(new CacheStatistics(ParsedFiles - 1, 1, 1, 0, 1, null), changed.Cache);
        Assert.Contains(changed.Model.References.References, r => r.Source == "app/helpers.py" && r.Target == "app/main.py");
        AssertSameAnalysis(Scan(tree, cache: null), changed);
    }

    [Fact]
    public void Configuration_that_does_not_change_parsing_reuses_every_entry_and_still_takes_effect()
    {
        using var tree = Repository();
        var before = Scan(tree);
        tree.Write("consolidate.yml", "terms:\n  - term: conceptual\n    replacement: theoretical\n")
            .Write(".editorconfig", "root = true\n[*]\ndotnet_diagnostic.CONS103.severity = none\n");

        var after = Scan(tree);

        Assert.Equal(new CacheStatistics(ParsedFiles, 0, 0, 0, 0, null), after.Cache);
        Assert.Contains(before.Diagnostics, d => d.Rule.Id == "CONS103");
        Assert.DoesNotContain(after.Diagnostics, d => d.Rule.Id == "CONS103");
        Assert.Contains(after.Diagnostics, d => d.Rule.Id == "CONS401" && d.Path == "app/main.py");
        AssertSameAnalysis(Scan(tree, cache: null), after);
    }

    [Fact]
    public void Another_python_interpreter_invalidates_the_python_entries_only()
    {
        using var tree = Repository();
        Scan(tree);
        var executable = frontends.RealPythonExecutable;
        using var other = FrontendFactory.Create(new FrontendOptions { PythonExecutable = executable, PythonWorkers = 1 });

        var rescanned = Scan(tree, other);

        Assert.Equal(new CacheStatistics(ParsedFiles - 2, 2, 2, 0, 2, null), rescanned.Cache);
        Assert.Equal(new CacheStatistics(ParsedFiles, 0, 0, 0, 0, null), Scan(tree, other).Cache);
    }

    [Fact]
    public void Another_tool_version_invalidates_every_entry()
    {
        using var tree = Repository();
        Scan(tree, cache: root => new ParseCache(root, "test version 1"));

        var upgraded = Scan(tree, cache: root => new ParseCache(root, "test version 2"));

        Assert.Equal(new CacheStatistics(0, ParsedFiles, ParsedFiles, 0, ParsedFiles, null), upgraded.Cache);
        Assert.Equal(ParsedFiles, Scan(tree, cache: root => new ParseCache(root, "test version 2")).Cache!.Hits);
    }

    [Fact]
    public void Damaged_entries_are_dropped_parsed_again_and_replaced()
    {
        using var tree = Repository();
        var cold = Scan(tree);
        var entries = CacheEntries(tree);
        File.WriteAllBytes(entries[0], [1, 2, 3]);
        var truncated = File.ReadAllBytes(entries[1]);
        File.WriteAllBytes(entries[1], truncated[..(truncated.Length / 2)]);
        var flipped = File.ReadAllBytes(entries[2]);
        flipped[^1] ^= 0x40;
        File.WriteAllBytes(entries[2], flipped);

        var recovered = Scan(tree);

        Assert.Equal(new CacheStatistics(ParsedFiles - 3, 3, 0, 3, 3, null), recovered.Cache);
        AssertSameAnalysis(cold, recovered);
        Assert.Equal(ParsedFiles, Scan(tree).Cache!.Hits);
    }

    [Fact]
    public void Concurrent_scans_share_the_cache_and_leave_it_whole()
    {
        using var tree = Repository();
        var reference = Scan(tree, cache: null);

        var results = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4).Select(_ => Scan(tree)).ToList();

        Assert.All(results, r => AssertSameAnalysis(reference, r));
        Assert.Equal(new CacheStatistics(ParsedFiles, 0, 0, 0, 0, null), Scan(tree).Cache);
        Assert.Empty(Directory.GetFiles(tree.PathOf(".consolidate"), "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_cache_is_never_scanned_ignores_itself_and_forgets_deleted_files()
    {
        using var tree = Repository();
        Scan(tree);
        Assert.Equal(ParsedFiles, CacheEntries(tree).Length);
        File.Delete(tree.PathOf("lib.sh"));

        var after = Scan(tree);

        Assert.DoesNotContain(after.Model.Files, f => f.Path.StartsWith(".consolidate", StringComparison.Ordinal));
        Assert.Equal("*", File.ReadAllLines(tree.PathOf(".consolidate/.gitignore")).Last());
        Assert.Equal(ParsedFiles - 1, CacheEntries(tree).Length);
    }

    [Fact]
    public void A_cache_that_cannot_be_written_leaves_the_scan_complete()
    {
        using var tree = Repository();
        tree.Write(".consolidate", "a file where the cache folder would go\n");

        var result = Scan(tree);

        Assert.NotNull(result.Cache!.WriteFailure);
        Assert.Equal(0, result.Cache.Written);
        AssertSameAnalysis(Scan(tree, cache: null), result);
    }

    [Fact]
    public void A_cache_folder_that_is_a_link_is_never_used()
    {
        using var tree = Repository();
        using var outside = new TempTree();
        Directory.CreateSymbolicLink(tree.PathOf(".consolidate"), outside.Root);

        var result = Scan(tree);

        Assert.Contains("symbolic link", result.Cache!.WriteFailure, StringComparison.Ordinal);
        Assert.Equal(0, result.Cache.Written);
        Assert.Empty(Directory.GetFileSystemEntries(outside.Root));
        Assert.Equal(0, Scan(tree).Cache!.Hits);
    }

    [Fact]
    public void Without_a_cache_nothing_is_written()
    {
        using var tree = Repository();

        var result = Scan(tree, cache: null);

        Assert.Null(result.Cache);
        Assert.False(Directory.Exists(tree.PathOf(".consolidate")));
    }

    private AnalysisResult Scan(TempTree tree, FrontendSet? with = null) => Scan(tree, root => new ParseCache(root), with);

    private AnalysisResult Scan(TempTree tree, Func<string, ParseCache?>? cache, FrontendSet? with = null)
    {
        var (config, errors) = ConfigFiles.LoadConfig(tree.Root, null);
        Assert.Empty(errors);
        return new RepositoryAnalyzer(config!, with ?? frontends.Set, new ScanOptions(), cache: cache ?? (_ => null)).Analyze(tree.Root, null, CancellationToken.None);
    }

    private static string[] CacheEntries(TempTree tree) =>
        Directory.GetFiles(tree.PathOf(".consolidate/cache"), "*.bin", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The same files, statuses, parse results, references, clone classes and findings.</summary>
    private static void AssertSameAnalysis(AnalysisResult expected, AnalysisResult actual)
    {
        Assert.Equal(expected.Model.Files.Select(f => (f.Path, f.Language, f.Status, f.Reason)), actual.Model.Files.Select(f => (f.Path, f.Language, f.Status, f.Reason)));
        for (var i = 0; i < expected.Model.Files.Length; i++)
        {
            DeepEquality.AssertEqual(expected.Model.Files[i].Parsed?.Tokens, actual.Model.Files[i].Parsed?.Tokens, expected.Model.Files[i].Path);
            DeepEquality.AssertEqual(expected.Model.Files[i].Parsed?.Root, actual.Model.Files[i].Parsed?.Root, expected.Model.Files[i].Path);
            DeepEquality.AssertEqual(expected.Model.Files[i].Parsed?.Facts, actual.Model.Files[i].Parsed?.Facts, expected.Model.Files[i].Path);
            DeepEquality.AssertEqual(expected.Model.Files[i].Parsed?.CloneLineKeys, actual.Model.Files[i].Parsed?.CloneLineKeys, expected.Model.Files[i].Path);
        }

        Assert.Equal(expected.Model.References.References.ToList(), actual.Model.References.References.ToList());
        DeepEquality.AssertEqual(expected.Model.Clusters, actual.Model.Clusters);
        DeepEquality.AssertEqual(expected.Diagnostics, actual.Diagnostics);
    }

    /// <summary>One set of frontends (Python workers are slow to start) for the class, and the real interpreter path.</summary>
    public sealed class Frontends : IDisposable
    {
        public FrontendSet Set { get; } = FrontendFactory.Create(new FrontendOptions { PythonWorkers = 2 });

        /// <summary>What <c>python3</c> resolves to: the same Python under another name.</summary>
        public string RealPythonExecutable
        {
            get
            {
                using var pool = new PythonWorkerPool("python3", 1);
                return pool.Identity(CancellationToken.None)!.Split('|')[1];
            }
        }

        public void Dispose() => Set.Dispose();
    }
}
