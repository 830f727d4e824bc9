using Consolidate.Cli.Tests.Support;
using Consolidate.Tests.Support;

namespace Consolidate.Cli.Tests;

public sealed class ExitCodeTests
{
    private const string Script = "#!/usr/bin/env bash\nset -euo pipefail\necho one\necho two\necho three\necho four\necho five\n";

    [Fact]
    public void Clean_repository_exits_0()
    {
        using var tree = new TempTree();
        tree.Write("a.sh", Script);

        var run = CliRun.Of("scan", tree.Root);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Scanned 1 files", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_at_or_above_fail_on_exit_1()
    {
        using var tree = new TempTree();
        tree.Write("a.sh", Script).Write("b.sh", Script);

        Assert.Equal(1, CliRun.Of("scan", tree.Root, "--fail-on", "warning").ExitCode);
        Assert.Equal(0, CliRun.Of("scan", tree.Root, "--fail-on", "error").ExitCode);
        Assert.Equal(0, CliRun.Of("scan", tree.Root, "--fail-on", "none").ExitCode);
    }

    [Fact]
    public void Findings_print_as_path_line_severity_id_name()
    {
        using var tree = new TempTree();
        tree.Write("a.sh", Script).Write("b.sh", Script);

        var run = CliRun.Of("scan", tree.Root);

        Assert.StartsWith("a.sh:1: warning CONS201 duplicate-file: 'b.sh' is a copy of 'a.sh'", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_folder_exits_2_naming_it()
    {
        var run = CliRun.Of("scan", "/nonexistent/repo");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: /nonexistent/repo: no such folder (scan takes a repository folder)", run.Stderr.Trim());
    }

    [Fact]
    public void Bad_config_exits_2_with_file_line_key_and_writes_nothing()
    {
        using var tree = new TempTree();
        tree.Write("consolidate.yml", "terms:\n  - term: x\n    replacement: x\n").Write("a.sh", Script);
        var output = tree.PathOf("report.json");

        var run = CliRun.Of("scan", tree.Root, "--format", "json", "--output", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: consolidate.yml:2: terms[0].replacement: 'x' is replaced by itself", run.Stderr.Trim());
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Bad_editorconfig_exits_2()
    {
        using var tree = new TempTree();
        tree.Write(".editorconfig", "root = true\n[*.sh\n").Write("a.sh", Script);

        var run = CliRun.Of("scan", tree.Root);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".editorconfig:2: [*.sh: section header is missing its closing ']'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_option_or_format_exits_2()
    {
        Assert.Equal(2, CliRun.Of("scan", ".", "--format", "xml").ExitCode);
        Assert.Equal(2, CliRun.Of("scan", ".", "--bogus").ExitCode);
    }

    [Fact]
    public void Output_inside_the_repository_is_not_scanned()
    {
        using var tree = new TempTree();
        tree.Write("a.sh", Script);
        var output = tree.PathOf("out/report.json");

        Assert.Equal(0, CliRun.Of("scan", tree.Root, "--format", "json", "--output", output).ExitCode);
        var again = CliRun.Of("scan", tree.Root, "--format", "json", "--output", output);

        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("out/report.json", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json", "old-report.json")]
    [InlineData("sarif", "old.sarif")]
    public void A_report_left_in_the_repository_is_recognised_and_skipped(string format, string name)
    {
        using var tree = new TempTree();
        tree.Write("a.sh", Script);
        Assert.Equal(0, CliRun.Of("scan", tree.Root, "--format", format, "--output", tree.PathOf(name)).ExitCode);

        var run = CliRun.Of("scan", tree.Root, "--format", "json");

        Assert.Contains($"\"path\": \"{name}\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("a consolidate-analyze report or patch-set manifest: not scanned", run.Stdout, StringComparison.Ordinal);
    }
}
