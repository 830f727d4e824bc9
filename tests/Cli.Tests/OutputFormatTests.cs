using System.Text.Json;
using Consolidate.Cli.Tests.Support;
using Consolidate.Tests.Support;
using Snapshooter.Xunit;

namespace Consolidate.Cli.Tests;

public sealed class OutputFormatTests
{
    private const string Script = "#!/usr/bin/env bash\nset -euo pipefail\necho one\necho two\necho three\necho four\necho five\n";

    private static TempTree DuplicatedTree()
    {
        var tree = new TempTree();
        tree.Write("scripts/deploy.sh", Script).Write("agents/a b/deploy copy.sh", Script).Write("tools/deploy.sh", Script);
        return tree;
    }

    [Fact]
    public void Sarif_passes_the_sarif_multitool_validator()
    {
        using var tree = DuplicatedTree();
        var sarif = tree.PathOf("out/report.sarif");

        var run = CliRun.Of("scan", tree.Root, "--format", "sarif", "--output", sarif);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var findings = SarifValidator.Validate(sarif);
        Assert.DoesNotContain(findings, f => f.Level == "error");
        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        var result = log.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        Assert.Equal("CONS201", result.GetProperty("ruleId").GetString());
        Assert.Equal(2, result.GetProperty("relatedLocations").GetArrayLength());
        Assert.Equal("agents/a%20b/deploy%20copy.sh", result.GetProperty("relatedLocations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public void Fingerprints_survive_a_second_run_and_an_unrelated_line_above()
    {
        using var tree = new TempTree();
        tree.Write(".editorconfig", "root = true\n").Write("a.sh", Script).Write("b.sh", Script);
        var first = Fingerprints(tree);
        var second = Fingerprints(tree);
        tree.Write(".editorconfig", "# an unrelated line\nroot = true\n");
        var third = Fingerprints(tree);

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
        Assert.Equal(first, third);
    }

    [Fact]
    public void Baseline_hides_known_findings_and_shows_new_ones()
    {
        using var tree = DuplicatedTree();
        var baseline = tree.PathOf(".consolidate-baseline.json");

        Assert.Equal(1, CliRun.Of("scan", tree.Root, "--fail-on", "warning", "--write-baseline", baseline).ExitCode);
        Assert.Equal(0, CliRun.Of("scan", tree.Root, "--fail-on", "warning", "--baseline", baseline).ExitCode);

        tree.Write("new/one.py", "import os\nx = 1\ny = 2\nz = 3\nprint(x)\nprint(y)\nprint(z)\n").Write("new/two.py", "import os\nx = 1\ny = 2\nz = 3\nprint(x)\nprint(y)\nprint(z)\n");
        var run = CliRun.Of("scan", tree.Root, "--fail-on", "warning", "--baseline", baseline);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("new/one.py:1: warning CONS201", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("scripts/deploy.sh", run.Stdout.Split("\n\n")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_baseline_exits_2_naming_the_file()
    {
        using var tree = DuplicatedTree();
        tree.Write("baseline.json", "{\"version\": 2}");

        var run = CliRun.Of("scan", tree.Root, "--baseline", tree.PathOf("baseline.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("baseline.json: not a consolidate-analyze baseline", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_report_is_a_pr_comment()
    {
        using var tree = DuplicatedTree();

        var run = CliRun.Of("scan", tree.Root, "--format", "markdown");

        Snapshot.Match(run.Stdout);
    }

    [Fact]
    public void Text_report_lists_findings_then_the_summary()
    {
        using var tree = DuplicatedTree();

        var run = CliRun.Of("scan", tree.Root);

        Snapshot.Match(run.Stdout.Replace(tree.Root, "<root>", StringComparison.Ordinal));
    }

    private static List<string> Fingerprints(TempTree tree)
    {
        var output = Path.Combine(Path.GetTempPath(), $"fp-{Guid.NewGuid():N}.sarif");
        try
        {
            Assert.Equal(0, CliRun.Of("scan", tree.Root, "--format", "sarif", "--output", output).ExitCode);
            using var log = JsonDocument.Parse(File.ReadAllText(output));
            return log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("partialFingerprints").GetProperty("consolidateFingerprint/v1").GetString()!)
                .ToList();
        }
        finally
        {
            File.Delete(output);
        }
    }
}
