using System.Text.Json;
using System.Text.RegularExpressions;
using Consolidate.Cli.Tests.Support;
using Consolidate.Tests.Support;

namespace Consolidate.Cli.Tests;

/// <summary>
/// <c>scan PROJECT.csproj</c>: the files and severities the project's build hands the analyzer package, from an MSBuild
/// evaluation that runs no target (docs/projects.md). The packed-build comparison with <c>dotnet build</c> is in
/// tests/Analyzers.Package.Tests/PackedBuildTests.cs.
/// </summary>
public sealed partial class ProjectScanTests
{
    /// <summary>The findings planted in samples/editor (its README's table), as "path:line: id".</summary>
    private static readonly string[] EditorFindings =
    [
        "Dockerfile:1: CONS101",
        "Dockerfile:1: CONS102",
        "app/worker.py:5: CONS401",
        "app/worker.py:9: CONS401",
        "docker-compose.yml:2: CONS501",
        "docker-compose.yml:4: CONS103",
        "scripts/run.sh:4: CONS401",
        "scripts/run.sh:5: CONS301",
    ];

    private const string Sdk = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n{0}  </PropertyGroup>\n{1}</Project>\n";

    [Fact]
    public void Samples_editor_project_reports_the_planted_findings_with_the_globalconfig_severity()
    {
        // A copy without obj/ (a build of samples/editor restores it): read with the tool's copy of the package's targets.
        using var tree = new TempTree();
        var source = Path.Combine(RepoPaths.Root, "samples", "editor");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file).Replace('\\', '/');
            if (!relative.StartsWith("obj/", StringComparison.Ordinal) && !relative.StartsWith("bin/", StringComparison.Ordinal))
                tree.WriteBytes(relative, File.ReadAllBytes(file));
        }

        var run = CliRun.Of("scan", tree.PathOf("Editor.csproj"), "--no-cache");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Editor.csproj does not import Consolidate.Analyzers.Package", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(EditorFindings, Findings(run.Stdout, "warning"));
        Assert.Contains("docker-compose.yml:2: warning CONS501", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("EditorSample.cs", Findings(run.Stdout, "any").AsEnumerable(), StringComparer.Ordinal);
    }

    [Fact]
    public async Task ConsolidateExclude_gitignore_exclude_and_the_project_severities_are_honoured()
    {
        using var tree = new TempTree();
        tree.Write("App.csproj", string.Format(System.Globalization.CultureInfo.InvariantCulture, Sdk,
                "    <ConsolidateExclude>**/bin/**;**/obj/**;legacy/**</ConsolidateExclude>\n    <WarningsAsErrors>CONS103</WarningsAsErrors>\n    <NoWarn>$(NoWarn);CONS102</NoWarn>\n", ""))
            .Write("Program.cs", "static class Program { static void Main() { } }\n")
            .Write("Dockerfile", "FROM python:latest\n")
            .Write("legacy/Dockerfile", "FROM python:latest\n")
            .Write("docker-compose.yml", "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n")
            .Write(".editorconfig", "root = true\n\n[*.yml]\nconsolidate_diagnostic.CONS501.severity = none\n")
            .Write(".gitignore", "ignored/\n")
            .Write("ignored/Dockerfile", "FROM python:latest\n")
            .Write("consolidate.yml", "exclude: [\"old/**\"]\n")
            .Write("old/Dockerfile", "FROM python:latest\n");

        var project = CliRun.Of("scan", tree.PathOf("App.csproj"), "--no-cache", "--format", "json");
        var folder = CliRun.Of("scan", tree.Root, "--no-cache");

        Assert.Equal(1, project.ExitCode);
        var findings = JsonFindings(project.Stdout);
        Assert.Equal(["Dockerfile:1: warning CONS101", "docker-compose.yml:4: error CONS103"], findings);
        using var report = JsonDocument.Parse(project.Stdout);
        var files = report.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("parse").GetString());
        Assert.DoesNotContain(files.Keys, f => f.StartsWith("legacy/", StringComparison.Ordinal) || f.StartsWith("ignored/", StringComparison.Ordinal));
        Assert.Equal("skipped", files["old/Dockerfile"]);
        Assert.Equal("skipped", files["Program.cs"]);
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(RepoPaths.ReportSchema);
        Assert.Empty(schema.Validate(project.Stdout));
        // The folder scan knows nothing of the project: legacy/ is read and CONS102 is reported.
        Assert.Contains("legacy/Dockerfile:1: warning CONS101", folder.Stdout, StringComparison.Ordinal);
        Assert.Contains("Dockerfile:1: warning CONS102", folder.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csharp_literal_naming_a_script_is_a_reference_and_a_missing_one_is_dangling()
    {
        using var tree = new TempTree();
        tree.Write("Tool.csproj", string.Format(System.Globalization.CultureInfo.InvariantCulture, Sdk, "", ""))
            .Write("scripts/deploy.sh", "#!/bin/bash\nset -euo pipefail\necho deploy\n")
            .Write("Program.cs", """
                using System.Diagnostics;

                static class Program
                {
                    static void Main()
                    {
                        Process.Start("bash", "scripts/deploy.sh");
                        Process.Start(@"scripts/rollback.sh");
                        var greeting = "hello/world.txt";
                        var url = "https://example.invalid/scripts/x.sh";
                    }
                }
                """);

        var scan = CliRun.Of("scan", tree.PathOf("Tool.csproj"), "--no-cache", "--format", "json");
        var refs = CliRun.Of("refs", tree.PathOf("Tool.csproj"), "--to", "scripts/deploy.sh");
        var folderRefs = CliRun.Of("refs", tree.Root, "--from", "Program.cs");

        Assert.Equal(0, scan.ExitCode);
        using var report = JsonDocument.Parse(scan.Stdout);
        var references = report.RootElement.GetProperty("references").EnumerateArray()
            .Select(r => $"{r.GetProperty("source").GetString()}:{r.GetProperty("line").GetInt32()} {r.GetProperty("kind").GetString()} -> {r.GetProperty("target").GetString()}")
            .ToList();
        Assert.Equal(["Program.cs:7 other -> scripts/deploy.sh", "Program.cs:8 other -> scripts/rollback.sh"], references);
        Assert.Equal(["Program.cs:8: warning CONS301"], JsonFindings(scan.Stdout));
        Assert.Equal("1 reference(s) into scripts/deploy.sh:\n  Program.cs:7 other -> scripts/deploy.sh\n", refs.Stdout.ReplaceLineEndings("\n"));
        Assert.Contains("Program.cs:8 other -> scripts/rollback.sh  [dangling]", folderRefs.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0\n  </PropertyGroup>\n</Project>\n", "Broken.csproj(4,5)", "MSB4025")]
    [InlineData("<Project Sdk=\"Consolidate.No.Such.Sdk\">\n</Project>\n", "Broken.csproj", "MSB4236")]
    [InlineData("<Solution>\n  <Project Path=\"a/A.csproj\"\n", "Broken.slnx", "MSB4025")]
    public void A_project_that_cannot_be_evaluated_is_a_clear_error(string text, string where, string code)
    {
        using var tree = new TempTree();
        var name = where.Split('(')[0];
        tree.Write(name, text);

        var run = CliRun.Of("scan", tree.PathOf(name));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Stderr.Split('\n').Last(l => l.Length > 0), StringComparison.Ordinal);
        Assert.Contains(where, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(code, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public void A_solution_scans_the_files_of_its_projects_under_one_root()
    {
        using var tree = new TempTree();
        var project = string.Format(System.Globalization.CultureInfo.InvariantCulture, Sdk, "", "");
        tree.Write("src/Api/Api.csproj", project)
            .Write("src/Api/Dockerfile", "FROM python:latest\n")
            .Write("src/Worker/Worker.csproj", project)
            .Write("src/Worker/Program.cs", "static class Program { static void Main() => System.Diagnostics.Process.Start(\"scripts/gone.sh\"); }\n")
            .Write("scripts/keep.sh", "#!/bin/bash\nset -euo pipefail\necho keep\n")
            .Write("All.slnx", "<Solution>\n  <Project Path=\"src/Api/Api.csproj\" />\n  <Project Path=\"src/Worker/Worker.csproj\" />\n</Solution>\n");

        // Without a repository root each project's ConsolidateRoot is its own folder: one scan cannot hold both.
        var apart = CliRun.Of("scan", tree.PathOf("All.slnx"));
        Directory.CreateDirectory(tree.PathOf(".git"));
        var together = CliRun.Of("scan", tree.PathOf("All.slnx"), "--no-cache", "--format", "json");

        Assert.Equal(2, apart.ExitCode);
        Assert.Contains("different ConsolidateRoot folders", apart.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, together.ExitCode);
        Assert.Equal(
            ["src/Api/Dockerfile:1: warning CONS101", "src/Api/Dockerfile:1: warning CONS102", "src/Worker/Program.cs:1: warning CONS301"],
            JsonFindings(together.Stdout));
    }

    /// <summary>
    /// A tripwire: a project whose targets would write a marker file at every stage a build, a restore or a design-time
    /// build passes through. The scan evaluates it, reports its files, and the marker never appears.
    /// </summary>
    [Fact]
    public void Scanning_a_project_runs_none_of_its_targets()
    {
        using var tree = new TempTree();
        var marker = tree.PathOf("marker");
        var trip = $"""
              <Target Name="Tripwire" BeforeTargets="Restore;_GenerateRestoreGraph;CollectPackageReferences;ResolveAssemblyReferences;CoreCompile;Build;CompileDesignTime;GenerateMSBuildEditorConfigFile;ConsolidateWritePathList">
                <Exec Command="touch '{marker}'" />
                <Touch Files="{marker}" AlwaysCreate="true" />
              </Target>
              <Target Name="InitialTripwire">
                <WriteLinesToFile File="{marker}" Lines="initial" />
              </Target>

            """;
        var project = string.Format(System.Globalization.CultureInfo.InvariantCulture, Sdk, "", trip)
            .Replace("<Project Sdk=\"Microsoft.NET.Sdk\">", "<Project Sdk=\"Microsoft.NET.Sdk\" InitialTargets=\"InitialTripwire\" DefaultTargets=\"Tripwire\">", StringComparison.Ordinal);
        tree.Write("Trip.csproj", project)
            .Write("Dockerfile", "FROM python:latest\n")
            .Write("Program.cs", "static class Program { static void Main() => System.Diagnostics.Process.Start(\"scripts/missing.sh\"); }\n")
            .Write("scripts/keep.sh", "#!/bin/bash\nset -euo pipefail\necho keep\n");

        var scan = CliRun.Of("scan", tree.PathOf("Trip.csproj"), "--no-cache");
        var refs = CliRun.Of("refs", tree.PathOf("Trip.csproj"), "--from", "Program.cs");

        Assert.Equal(0, scan.ExitCode);
        Assert.Contains("Dockerfile:1: warning CONS101", scan.Stdout, StringComparison.Ordinal);
        Assert.Contains("Program.cs:1: warning CONS301", scan.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, refs.ExitCode);
        Assert.False(File.Exists(marker), "a target of the scanned project ran");
        Assert.False(Directory.Exists(tree.PathOf("obj")), "the scan restored or built the project");

        // The control: the tripwire does fire when MSBuild runs the project's targets.
        using var msbuild = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", ["msbuild", tree.PathOf("Trip.csproj"), "-t:Tripwire", "-nologo", "-nodeReuse:false"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        msbuild.StandardOutput.ReadToEnd();
        msbuild.WaitForExit();
        Assert.True(File.Exists(marker), "the tripwire did not fire under MSBuild: the test proves nothing");
    }

    private static string[] Findings(string text, string severity) => text.Split('\n')
        .Select(line => TextFinding().Match(line))
        .Where(m => m.Success && (severity == "any" || m.Groups["severity"].Value == severity))
        .Select(m => $"{m.Groups["path"].Value}:{m.Groups["line"].Value}: {m.Groups["id"].Value}")
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static string[] JsonFindings(string json)
    {
        using var report = JsonDocument.Parse(json);
        return report.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(f => $"{f.GetProperty("path").GetString()}:{f.GetProperty("line").GetInt32()}: {f.GetProperty("severity").GetString()} {f.GetProperty("ruleId").GetString()}")
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    [GeneratedRegex(@"^(?<path>[^:\s]+):(?<line>\d+): (?<severity>error|warning|info) (?<id>CONS\d{3}) ")]
    private static partial Regex TextFinding();
}
