using Consolidate.Analyzers.Caching;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Scanning;
using Consolidate.Analyzers.Tests.Clones;
using Consolidate.Tests.Support;

namespace Consolidate.Analyzers.Tests.Caching;

/// <summary>The cache's file of near-clone similarities: read back whole, or not at all.</summary>
public sealed class SimilarityStoreTests
{
    private static readonly KeyValuePair<ulong, double>[] Entries = [new(1, 0.5), new(7, 0.91), new(ulong.MaxValue, 1.0)];

    [Fact]
    public void What_is_saved_is_loaded_for_the_same_tool_build()
    {
        using var tree = new TempTree();

        SimilarityStore.Save(tree.Root, "build 1", Entries);
        var loaded = SimilarityStore.Load(tree.Root, "build 1", out var damaged);

        Assert.False(damaged);
        Assert.Equal(Entries, loaded.OrderBy(p => p.Key));
        Assert.Equal([SimilarityStore.FileName], Directory.GetFiles(tree.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void Another_tool_build_or_a_missing_file_gives_nothing_and_is_not_damage()
    {
        using var tree = new TempTree();
        Assert.Empty(SimilarityStore.Load(tree.Root, "build 1", out var missingDamaged));
        Assert.False(missingDamaged);

        SimilarityStore.Save(tree.Root, "build 1", Entries);

        Assert.Empty(SimilarityStore.Load(tree.Root, "build 2", out var damaged));
        Assert.False(damaged);
    }

    [Theory]
    [InlineData("flip a similarity")]
    [InlineData("flip the count")]
    [InlineData("truncate")]
    [InlineData("garbage")]
    public void A_damaged_file_gives_nothing_and_says_so(string damage)
    {
        using var tree = new TempTree();
        SimilarityStore.Save(tree.Root, "build 1", Entries);
        var path = Path.Combine(tree.Root, SimilarityStore.FileName);
        var bytes = File.ReadAllBytes(path);
        bytes = damage switch
        {
            "flip a similarity" => Flip(bytes, 48 + 8 + 3),
            "flip the count" => Flip(bytes, 44),
            "truncate" => bytes[..^5],
            _ => "not a similarities file at all, just text"u8.ToArray(),
        };
        File.WriteAllBytes(path, bytes);

        Assert.Empty(SimilarityStore.Load(tree.Root, "build 1", out var damaged));
        Assert.True(damaged);
    }

    [Fact]
    public void A_scan_reuses_the_similarities_of_the_last_one_and_replaces_a_damaged_file()
    {
        using var tree = new TempTree()
            .Write("a/deploy.py", CloneSamples.PythonDeploy)
            .Write("b/deploy.py", CloneSamples.PythonDeployNear);
        var path = tree.PathOf(".consolidate/cache/" + SimilarityStore.FileName);

        var cold = Scan(tree, out var coldCache);
        var longAgo = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, longAgo);
        var warm = Scan(tree, out var warmCache);
        var warmWrite = File.GetLastWriteTimeUtc(path);
        File.WriteAllBytes(path, "damaged"u8.ToArray());
        var repaired = Scan(tree, out var repairedCache);
        var afterRepair = Scan(tree, out var afterRepairCache);

        Assert.Equal(CloneKind.Near, Assert.Single(cold.Model.Clusters).Kind);
        Assert.True(coldCache.Similarities.Computed > 0);
        Assert.Equal((coldCache.Similarities.Computed, 0), (warmCache.Similarities.Reused, warmCache.Similarities.Computed));
        Assert.Equal(longAgo, warmWrite);
        Assert.Equal((0, coldCache.Similarities.Computed), (repairedCache.Similarities.Reused, repairedCache.Similarities.Computed));
        Assert.Equal(coldCache.Similarities.Computed, afterRepairCache.Similarities.Reused);
        foreach (var result in new[] { warm, repaired, afterRepair })
            DeepEquality.AssertEqual(cold.Model.Clusters, result.Model.Clusters);
    }

    private static readonly Lazy<FrontendSet> Frontends = new(() => FrontendFactory.Create(new FrontendOptions { PythonWorkers = 1 }));

    private static AnalysisResult Scan(TempTree tree, out ParseCache cache)
    {
        ParseCache? used = null;
        var result = new RepositoryAnalyzer(ConsolidateConfig.Default, Frontends.Value, new ScanOptions(), cache: root => used = new ParseCache(root))
            .Analyze(tree.Root, null, CancellationToken.None);
        cache = used!;
        return result;
    }

    private static byte[] Flip(byte[] bytes, int offset)
    {
        bytes[offset] ^= 0x21;
        return bytes;
    }
}
