using Consolidate.Analyzers.Clones;
using Consolidate.Tests.Support;

namespace Consolidate.Analyzers.Tests.Clones.Accuracy;

/// <summary>Runs <see cref="CloneIndex"/> over generated repositories with planted clones and hard negatives.</summary>
public sealed class CloneAccuracyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Planted_clones_are_found_and_negatives_are_not(int seed)
    {
        var repository = new SyntheticRepositoryGenerator(seed).Generate();
        AssertAccuracy(repository, repository.Files.Select(f => TestTokenBuilder.File(f.Path, f.Text)).ToList());
    }

    /// <summary>The same scoring on the tokens of the real frontends (tree-sitter-bash, CPython, the Dockerfile reader).</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Planted_clones_are_found_through_the_real_frontends(int seed)
    {
        var repository = new SyntheticRepositoryGenerator(seed).Generate();
        AssertAccuracy(repository, RealFrontendFiles.Files([.. repository.Files]));
    }

    /// <summary>
    /// Writes the generated repository of seed 1 and its planted classes (truth.json) to the folder named by
    /// CONSOLIDATE_ACCURACY_EXPORT, for benchmarks/score-jscpd.py to score other tools on the same ground truth. Without
    /// the variable it checks that the export is complete (every planted member's lines exist in its file).
    /// </summary>
    [Fact]
    public void The_generated_repository_exports_with_its_ground_truth()
    {
        var repository = new SyntheticRepositoryGenerator(1).Generate();
        var target = Environment.GetEnvironmentVariable("CONSOLIDATE_ACCURACY_EXPORT");
        using var scratch = new TempTree();
        var root = string.IsNullOrEmpty(target) ? scratch.Root : target;
        SyntheticExport.Write(repository, root);

        foreach (var planted in repository.Classes)
            foreach (var member in planted.Members)
                Assert.True(File.ReadAllLines(Path.Combine(root, member.Path)).Length >= member.EndLine, $"{member.Path}:{member.EndLine}");
        Assert.True(File.Exists(Path.Combine(root, "truth.json")));
    }

    /// <summary>Targets: precision at least 0.95 for every kind; recall at least 0.95 (exact, renamed) and 0.85 (near).</summary>
    private static void AssertAccuracy(SyntheticRepository repository, IReadOnlyList<Consolidate.Analyzers.Model.FileModel> files)
    {
        var clusters = CloneIndex.Build(files, new CloneOptions(), null, CancellationToken.None);
        var scores = CloneAccuracy.Score(repository.Classes, clusters);

        var report = string.Join("\n", scores) + "\n" + Misses(repository, clusters, scores);
        foreach (var score in scores)
        {
            Assert.True(score.Precision >= 0.95, report);
            Assert.True(score.Recall >= (score.Kind == CloneKind.Near ? 0.85 : 0.95), report);
        }
    }

    private static string Misses(SyntheticRepository repository, IReadOnlyList<CloneCluster> clusters, IEnumerable<KindAccuracy> scores)
    {
        _ = scores;
        var lines = new List<string>();
        foreach (var cluster in clusters)
            lines.Add($"reported {cluster.Kind} {cluster.Scope} {cluster.Similarity:F2}: {string.Join(", ", cluster.Members.Select(m => $"{m.Path}:{m.StartLine}-{m.EndLine}"))}");
        foreach (var planted in repository.Classes)
            lines.Add($"planted {planted.Name}: {string.Join(", ", planted.Members.Select(m => $"{m.Path}:{m.StartLine}-{m.EndLine}"))}");
        return string.Join("\n", lines);
    }
}
