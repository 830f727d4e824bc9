using System.Text;
using System.Text.Json;
using Consolidate.Cli.Tests.Support;
using Consolidate.Tests.Support;

namespace Consolidate.Cli.Tests;

/// <summary>
/// One odd file of each kind in a generated repository: the scan finishes, every file is reported with an honest
/// status and reason, and the outputs stay valid. Statuses are asserted, never timings (peak memory lives in
/// benchmarks/RESULTS.md).
/// </summary>
public sealed class HostileCorpusTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Scan_survives_hostile_input_and_reports_each_file()
    {
        using var tree = new TempTree();
        tree.Write("ok.sh", "#!/bin/bash\necho fine\n");
        tree.Write("million-lines.sh", string.Concat(Enumerable.Repeat("echo x\n", 1_000_000)));
        tree.WriteBytes("single-line.py", Encoding.ASCII.GetBytes("x = '" + new string('a', 50 * 1024 * 1024) + "'"));
        tree.Write("deep.py", "x = " + new string('(', 10_000) + "1" + new string(')', 10_000) + "\n");
        tree.Write("bomb/docker-compose.yml", AliasBomb());
        tree.Write("deep/docker-compose.yml", "services:\n" + string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', 2 * (i + 1)) + $"k{i}:\n")));
        tree.Write("tabs/docker-compose.yml", "services:\n\tweb:\n\t\timage: x\n");
        tree.Write("dup/docker-compose.yml", "services:\n  web:\n    image: a:1\n  web:\n    image: b:1\n");
        tree.Write("multi/docker-compose.yml", "services:\n  a:\n    image: a:1\n---\nservices:\n  b:\n    image: b:1\n");
        tree.WriteBytes("latin1/docker-compose.yml", [.. "services:\n  web:\n    image: caf"u8.ToArray(), 0xE9, (byte)'\n']);
        tree.Write("name with spaces.sh", "echo spaces\n");
        tree.Write("new\nline.sh", "echo newline\n");
        tree.Write("Case.sh", "echo upper\n").Write("case.sh", "echo lower\n");
        tree.Write(string.Join('/', Enumerable.Repeat("very-long-folder-name", 10)) + "/deep.sh", "echo deep\n");
        File.CreateSymbolicLink(tree.PathOf("loop"), tree.PathOf("loop"));
        var report = tree.PathOf("../report-" + Guid.NewGuid().ToString("N") + ".json");

        var run = CliRun.Of("scan", tree.Root, "--format", "json", "--output", report, "--fail-on", "none");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        File.Delete(report);
        var files = json.RootElement.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => (Parse: f.GetProperty("parse").GetString(), Reason: f.GetProperty("reason").GetString()));

        Assert.Equal("ok", files["ok.sh"].Parse);
        Assert.Equal("skipped", files["million-lines.sh"].Parse);
        Assert.Contains("size limit", files["million-lines.sh"].Reason, StringComparison.Ordinal);
        Assert.Equal("skipped", files["single-line.py"].Parse);
        Assert.NotEqual("ok", files["deep.py"].Parse);
        Assert.Contains("line 1", files["deep.py"].Reason, StringComparison.Ordinal);
        Assert.Equal("recovered", files["bomb/docker-compose.yml"].Parse);
        Assert.NotEqual("ok", files["deep/docker-compose.yml"].Parse);
        Assert.NotEqual("ok", files["tabs/docker-compose.yml"].Parse);
        Assert.Contains("web", files["dup/docker-compose.yml"].Reason, StringComparison.Ordinal);
        Assert.Equal("recovered", files["multi/docker-compose.yml"].Parse);
        Assert.Equal("recovered", files["latin1/docker-compose.yml"].Parse);
        Assert.Equal("ok", files["name with spaces.sh"].Parse);
        Assert.Equal("ok", files["new\nline.sh"].Parse);
        Assert.Equal("ok", files["Case.sh"].Parse);
        Assert.Equal("ok", files["case.sh"].Parse);
        Assert.Equal("skipped", files["loop"].Parse);
        Assert.Contains(files.Keys, k => k.EndsWith("/deep.sh", StringComparison.Ordinal));
    }

    /// <summary>"Billion laughs": nine levels of nine aliases, 9^9 nodes if expanded.</summary>
    private static string AliasBomb()
    {
        var text = new StringBuilder("x-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 1; level < 9; level++)
        {
            var previous = (char)('a' + level - 1);
            var name = (char)('a' + level);
            text.Append($"x-{name}: &{name} [{string.Join(',', Enumerable.Repeat("*" + previous, 9))}]\n");
        }

        text.Append("services:\n  web:\n    image: web:1\n    labels: *i\n");
        return text.ToString();
    }
}
