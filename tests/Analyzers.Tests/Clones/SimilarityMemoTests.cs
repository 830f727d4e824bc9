using Consolidate.Analyzers.Clones;

namespace Consolidate.Analyzers.Tests.Clones;

/// <summary>
/// Near-clone similarities remembered from an earlier build: reused for the same sequences, never for changed ones,
/// and the clone classes are the same with or without them.
/// </summary>
public sealed class SimilarityMemoTests
{
    private static readonly (string Path, string Text)[] NearCopies =
    [
        ("a/deploy.py", CloneSamples.PythonDeploy),
        ("b/deploy.py", CloneSamples.PythonDeployNear),
    ];

    [Fact]
    public void A_second_build_reuses_every_similarity_and_finds_the_same_classes()
    {
        var plain = Build(null, NearCopies);
        var first = new SimilarityMemo();
        var withEmptyMemo = Build(first, NearCopies);
        var second = new SimilarityMemo(first.Used().ToDictionary(p => p.Key, p => p.Value));

        var withFullMemo = Build(second, NearCopies);

        Assert.True(first.Computed > 0);
        Assert.Equal(0, first.Reused);
        Assert.Equal(0, second.Computed);
        Assert.Equal(first.Computed, second.Reused);
        Assert.True(second.Unchanged);
        Assert.Equal(CloneRun.Describe(plain), CloneRun.Describe(withEmptyMemo));
        Assert.Equal(CloneRun.Describe(plain), CloneRun.Describe(withFullMemo));
        Assert.Equal(plain.Single().Similarity, withFullMemo.Single().Similarity);
    }

    [Fact]
    public void A_remembered_similarity_is_taken_as_it_is_but_only_for_the_same_sequences()
    {
        var first = new SimilarityMemo();
        Build(first, NearCopies);
        // Every remembered value replaced by 0: the index must believe the memo, so the near class disappears...
        var poisoned = new SimilarityMemo(first.Used().ToDictionary(p => p.Key, _ => 0.0));
        Assert.Empty(Build(poisoned, NearCopies));

        // ...until one copy changes (one more statement): its sequence has a new key, so the pair is tiled again.
        var edited = CloneSamples.PythonDeployNear.Replace("client.login(registry)\n", "client.login(registry)\n    client.ping()\n", StringComparison.Ordinal);
        Assert.NotEqual(CloneSamples.PythonDeployNear, edited);
        var again = new SimilarityMemo(first.Used().ToDictionary(p => p.Key, _ => 0.0));
        var clusters = Build(again, ("a/deploy.py", CloneSamples.PythonDeploy), ("b/deploy.py", edited));

        Assert.True(again.Computed > 0);
        var cluster = Assert.Single(clusters);
        Assert.Equal((CloneScope.File, CloneKind.Near), (cluster.Scope, cluster.Kind));
    }

    [Fact]
    public void The_key_depends_on_the_order_of_the_pair_and_on_the_threshold()
    {
        Assert.NotEqual(SimilarityMemo.Key(1, 2, 0.8), SimilarityMemo.Key(2, 1, 0.8));
        Assert.NotEqual(SimilarityMemo.Key(1, 2, 0.8), SimilarityMemo.Key(1, 2, 0.0));
        Assert.Equal(SimilarityMemo.Key(1, 2, 0.8), SimilarityMemo.Key(1, 2, 0.8));
    }

    [Fact]
    public void Unused_similarities_are_not_kept_for_the_next_build()
    {
        var first = new SimilarityMemo();
        Build(first, NearCopies);
        var known = first.Used().ToDictionary(p => p.Key, p => p.Value);
        known[12345] = 0.5;
        var second = new SimilarityMemo(known);

        Build(second, NearCopies);

        Assert.False(second.Unchanged);
        Assert.DoesNotContain(second.Used(), p => p.Key == 12345);
        Assert.Equal(first.Used(), second.Used());
    }

    private static System.Collections.Immutable.ImmutableArray<CloneCluster> Build(SimilarityMemo? memo, params (string Path, string Text)[] files) =>
        CloneIndex.Build(TestTokenBuilder.Files(files), new CloneOptions(), null, CancellationToken.None, memo);
}
