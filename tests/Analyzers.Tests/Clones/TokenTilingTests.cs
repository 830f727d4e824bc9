using CsCheck;
using Consolidate.Analyzers.Clones;

namespace Consolidate.Analyzers.Tests.Clones;

/// <summary>The near-clone similarity: greedy string tiling with minimum match 5 and consistent names.</summary>
public sealed class TokenTilingTests
{
    private const ulong Id = 1000;

    /// <summary>Sequences over a small alphabet (plus the identifier placeholder), so matches are frequent.</summary>
    private static readonly Gen<ulong[]> Tokens = Gen.ULong[0, 6].Array[0, 120];

    [Fact]
    public void A_sequence_tiles_itself_completely()
    {
        Tokens.Sample(a => Assert.Equal(a.Length < TokenTiling.MinimumMatch ? (a.Length == 0 ? 1.0 : 0.0) : 1.0, Similarity(a, a)), iter: 300);
    }

    [Fact]
    public void Tiles_are_equal_non_overlapping_runs_of_at_least_the_minimum_length()
    {
        Gen.Select(Tokens, Tokens).Sample((a, b) =>
        {
            var tiles = TokenTiling.Tile(a, b);
            var usedA = new bool[a.Length];
            var usedB = new bool[b.Length];
            foreach (var (p, t, length) in tiles)
            {
                Assert.True(length >= TokenTiling.MinimumMatch);
                for (var k = 0; k < length; k++)
                {
                    Assert.Equal(a[p + k], b[t + k]);
                    Assert.False(usedA[p + k] || usedB[t + k]);
                    usedA[p + k] = usedB[t + k] = true;
                }
            }

            var similarity = Similarity(a, b);
            Assert.InRange(similarity, 0.0, TokenTiling.Bound(a.Length, b.Length));
        }, iter: 300);
    }

    [Fact]
    public void The_pruning_bound_never_decides_differently_from_the_similarity()
    {
        Gen.Select(Tokens, Tokens, Gen.Double[0.3, 0.95]).Sample((a, b, threshold) =>
        {
            var exact = Similarity(a, b);
            var pruned = TokenTiling.Similarity(new TokenTiling.Sequence(a, a, new TokenTiling.SortedGrams(TokenTiling.Grams(a))), new TokenTiling.Sequence(b, b, new TokenTiling.SortedGrams(TokenTiling.Grams(b))), Id, threshold, new TokenTiling.Scratch());
            Assert.Equal(exact >= threshold, pruned >= threshold);
        }, iter: 300);
    }

    [Fact]
    public void An_inserted_statement_costs_about_its_own_tokens()
    {
        var a = Enumerable.Range(0, 100).Select(i => (ulong)(i + 10)).ToArray();
        var b = a.Take(50).Concat(new ulong[] { 1, 2, 3, 4 }).Concat(a.Skip(50)).ToArray();

        Assert.Equal(2.0 * 100 / 204, Similarity(a, b), 6);
    }

    [Fact]
    public void Moved_blocks_still_count()
    {
        var a = Enumerable.Range(0, 60).Select(i => (ulong)(i + 10)).ToArray();
        var b = a.Skip(30).Concat(a.Take(30)).ToArray();

        Assert.Equal(1.0, Similarity(a, b));
    }

    [Fact]
    public void Matches_shorter_than_the_minimum_do_not_count()
    {
        // a and b agree only in runs of four tokens.
        var a = Enumerable.Range(0, 80).Select(i => (ulong)(i % 5 == 4 ? 100 + i : i % 5)).ToArray();
        var b = Enumerable.Range(0, 80).Select(i => (ulong)(i % 5 == 4 ? 500 + i : i % 5)).ToArray();

        Assert.Equal(0.0, Similarity(a, b));
    }

    [Fact]
    public void Same_shaped_code_with_unrelated_names_scores_low_while_a_consistent_renaming_scores_high()
    {
        // "x = y.z(w)" statements: identifiers (Id) around operators 7, 8, 9, 10.
        var shape = Enumerable.Range(0, 20).SelectMany(_ => new ulong[] { Id, 7, Id, 8, Id, 9, Id, 10 }).ToArray();
        var names = Enumerable.Range(0, shape.Length).Select(i => shape[i] == Id ? 10_000 + (ulong)i : shape[i]).ToArray();
        var renamed = names.Select(n => n >= 10_000 ? n + 77 : n).ToArray();
        var scrambled = names.Select((n, i) => n >= 10_000 ? 20_000 + (ulong)(i * 7919 % shape.Length % 9) : n).ToArray();

        Assert.Equal(1.0, TokenTiling.Similarity(shape, names, shape, renamed, Id));
        Assert.True(TokenTiling.Similarity(shape, names, shape, scrambled, Id) < 0.6);
    }

    private static double Similarity(ulong[] a, ulong[] b) => TokenTiling.Similarity(a, a, b, b, Id);
}
