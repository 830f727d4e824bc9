using Consolidate.Rewriters.Tests.Support;

namespace Consolidate.Rewriters.Tests;

/// <summary>
/// The whole back end on samples/ (copied first): every family that has a safe change there produces a patch that git
/// apply accepts, and a scan of the result has fewer banned-term, compose-resource, duplicate-file and root-user
/// findings, fewer clone classes and no new dangling reference.
/// </summary>
public sealed class SamplesTests
{
    [Fact]
    public void Samples_patches_apply_and_reduce_findings()
    {
        var work = Tools.TempDirectory();
        try
        {
            var repo = Path.Combine(work, "samples");
            Tools.CopyTree(Tools.RepositoryPath("samples"), repo);
            var (before, set) = FixRunner.Run(repo);
            Assert.Equal(["01-banned-terms.patch", "02-compose-resources.patch", "03-duplicate-files.patch", "04-container-security.patch"], set.Patches.Select(p => p.FileName));
            Assert.All(set.Patches, p => Assert.All(p.Checks, c => Assert.True(c.Passed, $"{p.FileName}: {c.Name}: {c.Detail}")));

            foreach (var patch in set.Patches)
            {
                var file = Path.Combine(work, patch.FileName);
                File.WriteAllBytes(file, patch.Content);
                Tools.GitApply(repo, file, check: true);
                Tools.GitApply(repo, file);
            }

            var after = FixRunner.Scan(repo);
            int Count(Consolidate.Analyzers.Engine.AnalysisResult r, params string[] ids) => r.Reported.Count(d => ids.Contains(d.Rule.Id));
            Assert.True(Count(after, "CONS401") < Count(before, "CONS401"), $"CONS401 {Count(before, "CONS401")} -> {Count(after, "CONS401")}");
            Assert.True(Count(after, "CONS501", "CONS502") < Count(before, "CONS501", "CONS502"), $"CONS501/502 {Count(before, "CONS501", "CONS502")} -> {Count(after, "CONS501", "CONS502")}");
            Assert.True(Count(after, "CONS201") < Count(before, "CONS201"), $"CONS201 {Count(before, "CONS201")} -> {Count(after, "CONS201")}");
            Assert.True(Count(after, "CONS101") < Count(before, "CONS101"), $"CONS101 {Count(before, "CONS101")} -> {Count(after, "CONS101")}");
            Assert.True(after.Model.Clusters.Length < before.Model.Clusters.Length, $"clusters {before.Model.Clusters.Length} -> {after.Model.Clusters.Length}");
            Assert.False(File.Exists(Path.Combine(repo, "agents/reviewer/start.sh")));
            Assert.False(File.Exists(Path.Combine(repo, "agents/tester/health_check.sh")));
            Assert.True(File.Exists(Path.Combine(repo, "agents/planner/start.sh")), "planner's copy is refused: the canonical is outside its build context");
            var dangling = before.Model.References.References.Where(r => r.IsDangling).Select(r => (r.Source, r.Target)).ToHashSet();
            Assert.All(after.Model.References.References.Where(r => r.IsDangling), r => Assert.Contains((r.Source, r.Target), dangling));
            Assert.True(after.Model.Files.Where(f => set.Patches.SelectMany(p => p.Files).Contains(f.Path)).All(f => f.Status == Consolidate.Analyzers.Model.ParseStatus.Ok));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
