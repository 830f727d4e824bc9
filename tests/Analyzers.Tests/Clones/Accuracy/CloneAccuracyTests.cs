using Consolidate.Analyzers.Clones;

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
        var files = repository.Files.Select(f => TestTokenBuilder.File(f.Path, f.Text)).ToList();

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
