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

    /// <summary>Each parsed file has two entries in the pack: its parse and its clone facts.</summary>
    private const int EntriesPerFile = 2;

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
        Assert.Equal(ParsedFiles * EntriesPerFile, CacheEntries(tree).Count);
        Assert.Equal(new CacheStatistics(ParsedFiles, 0, 0, 0, 0, null), Scan(tree).Cache);
    }

    [Fact]
    public void A_warm_scan_that_changes_nothing_leaves_the_pack_untouched()
    {
        using var tree = Repository();
        Scan(tree);
        var pack = PackPath(tree);
        var bytes = File.ReadAllBytes(pack);
        var longAgo = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(pack, longAgo);

        var warm = Scan(tree);
        tree.Write("consolidate.yml", "terms:\n  - term: conceptual\n    replacement: theoretical\n");
        var reconfigured = Scan(tree);

        Assert.Equal(new CacheStatistics(ParsedFiles, 0, 0, 0, 0, null), warm.Cache);
        Assert.Equal(new CacheStatistics(ParsedFiles, 0, 0, 0, 0, null), reconfigured.Cache);
        Assert.Equal(longAgo, File.GetLastWriteTimeUtc(pack));
        Assert.Equal(bytes, File.ReadAllBytes(pack));
        Assert.Equal([pack], Directory.GetFileSystemEntries(tree.PathOf(".consolidate/cache")));
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
        Overwrite(tree, entries[0].Offset, [1, 2, 3]);
        Overwrite(tree, entries[1].Offset + 44, BitConverter.GetBytes((entries[1].Length - 56) / 2));
        Flip(tree, entries[2].Offset + entries[2].Length - 1);

        var recovered = Scan(tree);

        Assert.Equal(new CacheStatistics(ParsedFiles - 3, 3, 0, 3, 3, null), recovered.Cache);
        AssertSameAnalysis(cold, recovered);
        Assert.Equal(ParsedFiles, Scan(tree).Cache!.Hits);
    }

    [Fact]
    public void A_warm_scan_takes_every_file_s_clone_facts_and_a_damaged_one_is_worked_out_again()
    {
        using var tree = Repository();
        ParseCache? cold = null;
        var first = Scan(tree, root => cold = new ParseCache(root));
        Assert.Equal((0, ParsedFiles), cold!.UnitFacts);

        ParseCache? warm = null;
        AssertSameAnalysis(first, Scan(tree, root => warm = new ParseCache(root)));
        Assert.Equal((ParsedFiles, 0), warm!.UnitFacts);

        // The clone facts follow the parse entries in a cold scan's pack.
        var facts = CacheEntries(tree).OrderBy(e => e.Offset).Skip(ParsedFiles).First();
        Flip(tree, facts.Offset + (facts.Length / 2));
        ParseCache? recovered = null;
        var again = Scan(tree, root => recovered = new ParseCache(root));

        AssertSameAnalysis(first, again);
        Assert.Equal(new CacheStatistics(ParsedFiles, 0, 0, 0, 0, null), again.Cache);
        Assert.Equal((ParsedFiles - 1, 1), recovered!.UnitFacts);
        Assert.Equal(ParsedFiles * EntriesPerFile, CacheEntries(tree).Count);
    }

    [Fact]
    public void One_damaged_entry_in_a_whole_pack_is_the_only_file_parsed_again()
    {
        using var tree = Repository();
        var cold = Scan(tree);
        var entries = CacheEntries(tree);
        Flip(tree, entries[3].Offset + (entries[3].Length / 2));

        var recovered = Scan(tree);

        Assert.Equal(new CacheStatistics(ParsedFiles - 1, 1, 0, 1, 1, null), recovered.Cache);
        AssertSameAnalysis(cold, recovered);
        Assert.Contains(CacheEntries(tree), e => e.Slot == entries[3].Slot);
        Assert.Equal(new CacheStatistics(ParsedFiles, 0, 0, 0, 0, null), Scan(tree).Cache);
    }

    /// <summary>A pack whose footer or index does not check out is not used at all: every file is a miss (not a damaged entry) and the pack is written whole again.</summary>
    [Theory]
    [InlineData("index")]
    [InlineData("footer count")]
    [InlineData("footer magic")]
    [InlineData("truncated")]
    [InlineData("empty")]
    [InlineData("appended")]
    public void A_pack_whose_footer_or_index_does_not_check_out_is_not_used_and_is_rewritten(string damage)
    {
        using var tree = Repository();
        var cold = Scan(tree);
        var pack = PackPath(tree);
        var length = new FileInfo(pack).Length;
        const int footer = 32;
        switch (damage)
        {
            case "index":
                Flip(tree, length - footer - 1);
                break;
            case "footer count":
                Overwrite(tree, length - footer + 12, BitConverter.GetBytes(ParsedFiles - 1));
                break;
            case "footer magic":
                Flip(tree, length - footer);
                break;
            case "truncated":
                File.WriteAllBytes(pack, File.ReadAllBytes(pack)[..(int)(length / 2)]);
                break;
            case "empty":
                File.WriteAllBytes(pack, []);
                break;
            case "appended":
                File.AppendAllText(pack, "more");
                break;
        }

        Assert.Empty(CacheEntries(tree));

        var recovered = Scan(tree);

        Assert.Equal(new CacheStatistics(0, ParsedFiles, 0, 0, ParsedFiles, null), recovered.Cache);
        AssertSameAnalysis(cold, recovered);
        Assert.Equal(ParsedFiles * EntriesPerFile, CacheEntries(tree).Count);
        Assert.Equal(new CacheStatistics(ParsedFiles, 0, 0, 0, 0, null), Scan(tree).Cache);
    }

    [Fact]
    public void A_cache_in_the_format_1_layout_is_not_read_and_is_removed()
    {
        using var tree = Repository()
            .Write(".consolidate/cache/3f/3f0123456789abcd0123456789abcdef.bin", "CNSLDPC1 an entry of format 1\n")
            .Write(".consolidate/cache/3f/3f0123456789abcd0123456789abcdef.bin.42.0011.tmp", "half an entry\n")
            .Write(".consolidate/cache/a0/a00123456789abcd0123456789abcdef.bin", "CNSLDPC1 another\n")
            .Write(".consolidate/cache/notes/kept.txt", "not the cache's\n");

        var cold = Scan(tree);

        Assert.Equal(new CacheStatistics(0, ParsedFiles, 0, 0, ParsedFiles, null), cold.Cache);
        Assert.False(Directory.Exists(tree.PathOf(".consolidate/cache/3f")));
        Assert.False(Directory.Exists(tree.PathOf(".consolidate/cache/a0")));
        Assert.True(File.Exists(tree.PathOf(".consolidate/cache/notes/kept.txt")));
        Assert.Equal(ParsedFiles * EntriesPerFile, CacheEntries(tree).Count);
    }

    [Fact]
    public void Keys_and_slots_are_the_hashes_of_the_documented_material()
    {
        // Existing caches stay valid only while the key is computed as it always was: from these strings, as UTF-8
        // (lone surrogates included, which attribute arguments could not carry; a path long enough for a pooled buffer).
        using var tree = new TempTree();
        var content = System.Text.Encoding.UTF8.GetBytes("echo done\n");
        var toolIdentity = "tool \ud800 ü";
        var cache = new ParseCache(tree.Root, toolIdentity);
        var cases = new (string Path, string FrontendIdentity)[]
        {
            ("run.sh", "frontend"),
            ("dossier/café/日本語.py", "Consolidate.Frontend|Python 3.12 ü"),
            ("odd/\ud800lone\udc00/\ud83d\ude00.sh\ud83d", "\udc00frontend\ud800"),
            (string.Concat(Enumerable.Repeat("a long folder é/", 200)) + "x.py", "frontend"),
        };

        foreach (var (path, frontendIdentity) in cases)
        {
            var key = cache.Key(path, Model.Language.Python, content, frontendIdentity);

            var material = $"consolidate-analyze parse cache {ParseCache.FormatVersion}\n{toolIdentity}\n{frontendIdentity}\n{Model.Language.Python}\n{path}\n{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content))}";
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(material)), key.Hash);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{Model.Language.Python}\n{path}")), 0, 16), key.Slot);
        }
    }

    [Fact]
    public void A_scan_that_ends_without_a_commit_leaves_no_temporary_pack()
    {
        using var tree = Repository();
        var cache = new ParseCache(tree.Root, "test version");
        var key = cache.Key("run.sh", Model.Language.Shell, File.ReadAllBytes(tree.PathOf("run.sh")), "frontend");
        Assert.Null(cache.TryLoad(key, new Model.SourceText(Script)));

        cache.Store(key, Model.ParseStatus.Ok, null, null);
        var whileScanning = Directory.GetFiles(cache.Folder, "*.tmp");
        cache.Dispose();

        Assert.Single(whileScanning);
        Assert.Empty(Directory.GetFileSystemEntries(cache.Folder));
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
        var before = CacheEntries(tree);
        Assert.Equal(ParsedFiles * EntriesPerFile, before.Count);
        File.Delete(tree.PathOf("lib.sh"));

        var after = Scan(tree);

        Assert.Equal(new CacheStatistics(ParsedFiles - 1, 0, 0, 0, 0, null), after.Cache);
        Assert.DoesNotContain(after.Model.Files, f => f.Path.StartsWith(".consolidate", StringComparison.Ordinal));
        Assert.Equal("*", File.ReadAllLines(tree.PathOf(".consolidate/.gitignore")).Last());
        Assert.Equal((ParsedFiles - 1) * EntriesPerFile, CacheEntries(tree).Count);
        Assert.Subset(before.Select(e => e.Slot).ToHashSet(), CacheEntries(tree).Select(e => e.Slot).ToHashSet());
        Assert.Equal(new CacheStatistics(ParsedFiles - 1, 0, 0, 0, 0, null), Scan(tree).Cache);
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
    public void A_pack_that_cannot_be_replaced_leaves_the_scan_complete_and_no_temporary_pack()
    {
        using var tree = Repository();
        Directory.CreateDirectory(PackPath(tree));

        var result = Scan(tree);

        Assert.Contains("cannot write the cache", result.Cache!.WriteFailure, StringComparison.Ordinal);
        Assert.Equal(new CacheStatistics(0, ParsedFiles, 0, 0, ParsedFiles, null), result.Cache with { WriteFailure = null });
        AssertSameAnalysis(Scan(tree, cache: null), result);
        Assert.Equal([PackPath(tree)], Directory.GetFileSystemEntries(tree.PathOf(".consolidate/cache")));
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

    [Fact]
    public void Named_pipes_where_the_cache_files_go_block_nothing_and_are_replaced()
    {
        // The cache folder is in the repository, which could carry a pipe there; opening one waits for a writer.
        using var tree = new TempTree().Write("run.sh", "#!/usr/bin/env bash\nset -euo pipefail\necho hi\n");
        Directory.CreateDirectory(tree.PathOf(".consolidate/cache"));
        foreach (var name in new[] { ParseCache.PackFileName, SimilarityStore.FileName })
        {
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [tree.PathOf(".consolidate/cache/" + name)]);
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var scan = Task.Run(() => Scan(tree));

        Assert.True(scan.Wait(TimeSpan.FromSeconds(60)), "the scan opened a named pipe in the cache folder");
        Assert.Equal(1, scan.Result.Cache!.Misses);
        Assert.True(new FileInfo(PackPath(tree)).Length > 0);
        Assert.Equal(EntriesPerFile, CacheEntries(tree).Count);
    }

    private AnalysisResult Scan(TempTree tree, FrontendSet? with = null) => Scan(tree, root => new ParseCache(root), with);

    private AnalysisResult Scan(TempTree tree, Func<string, ParseCache?>? cache, FrontendSet? with = null)
    {
        var (config, errors) = ConfigFiles.LoadConfig(tree.Root, null);
        Assert.Empty(errors);
        return new RepositoryAnalyzer(config!, with ?? frontends.Set, new ScanOptions(), cache: cache ?? (_ => null)).Analyze(tree.Root, null, CancellationToken.None);
    }

    private static IReadOnlyList<PackSlot> CacheEntries(TempTree tree) => ParseCache.PackSlots(tree.PathOf(".consolidate/cache"));

    private static string PackPath(TempTree tree) => tree.PathOf(".consolidate/cache/" + ParseCache.PackFileName);

    private static void Overwrite(TempTree tree, long offset, byte[] bytes)
    {
        using var pack = new FileStream(PackPath(tree), FileMode.Open, FileAccess.Write);
        pack.Position = offset;
        pack.Write(bytes);
    }

    private static void Flip(TempTree tree, long offset)
    {
        var bytes = File.ReadAllBytes(PackPath(tree));
        bytes[offset] ^= 0x40;
        File.WriteAllBytes(PackPath(tree), bytes);
    }

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
