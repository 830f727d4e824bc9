using Consolidate.Analyzers.Clones;

namespace Consolidate.Analyzers.Tests.Clones;

/// <summary>A fragment is reported once, by the biggest class that explains it.</summary>
public sealed class CloneSuppressionTests
{
    private static readonly string Module = CloneSamples.PythonDeploy + "\n\n" + CloneSamples.PythonReport + "\n\n" + CloneSamples.PythonParse + "\n";

    private const string Rotate = """
        def rotate_logs(directory, keep):
            files = sorted(Path(directory).glob("*.log"), key=lambda p: p.stat().st_mtime)
            for old in files[:-keep]:
                archive = old.with_suffix(".log.gz")
                with open(old, "rb") as source, gzip.open(archive, "wb") as target:
                    shutil.copyfileobj(source, target)
                old.unlink()
            return len(files) - keep
        """;

    [Fact]
    public void Functions_of_copied_files_are_reported_through_the_file_class()
    {
        var clusters = CloneRun.Of(("agents/a/tools.py", Module), ("agents/b/tools.py", Module), ("agents/c/tools.py", "# fork\n" + Module));

        var cluster = Assert.Single(clusters);
        Assert.Equal((CloneScope.File, 3), (cluster.Scope, cluster.Members.Length));
    }

    [Fact]
    public void A_function_that_is_also_copied_outside_the_file_class_is_still_reported()
    {
        var other = Rotate + "\n\n" + CloneSamples.PythonDeploy + "\n";

        var clusters = CloneRun.Of(("agents/a/tools.py", Module), ("agents/b/tools.py", Module), ("ops/deploy.py", other));

        Assert.True(clusters.Length == 2, CloneRun.Describe(clusters));
        Assert.Equal("File Exact agents/a/tools.py:1-35 agents/b/tools.py:1-35", CloneRun.Describe(clusters[0]));
        Assert.Equal(CloneScope.Fragment, clusters[1].Scope);
        Assert.Equal(["agents/a/tools.py", "agents/b/tools.py", "ops/deploy.py"], clusters[1].Members.Select(m => m.Path));
        Assert.All(clusters[1].Members, m => Assert.Equal("deploy_service", m.Symbol));
    }

    [Fact]
    public void Methods_of_a_copied_class_are_reported_through_the_class()
    {
        var copy = CloneSamples.PythonParse.Replace("ConfigReader", "SettingsLoader").Replace("values", "entries");

        var clusters = CloneRun.Of(
            ("a/reader.py", CloneSamples.PythonReport + "\n\n" + CloneSamples.PythonParse + "\n"),
            ("b/loader.py", CloneSamples.PythonDeploy + "\n\n" + copy + "\n"));

        var cluster = Assert.Single(clusters);
        Assert.Equal((CloneScope.Fragment, CloneKind.Renamed), (cluster.Scope, cluster.Kind));
        Assert.Equal(["ConfigReader", "SettingsLoader"], cluster.Members.Select(m => m.Symbol));
    }

    [Fact]
    public void Statements_of_a_copied_function_are_not_reported_again()
    {
        var first = CloneSamples.PythonDeploy + "\n\n" + CloneSamples.PythonParse + "\n";
        var second = CloneSamples.PythonReport + "\n\n" + CloneSamples.PythonDeploy + "\n";

        var cluster = Assert.Single(CloneRun.Of(("a.py", first), ("b.py", second)));
        Assert.Equal("deploy_service", cluster.Members[0].Symbol);
        Assert.Equal((1, 10), (cluster.Members[0].StartLine, cluster.Members[0].EndLine));
    }
}
