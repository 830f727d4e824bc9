using System.Diagnostics;
using Consolidate.Cli.Tests.Support;
using Consolidate.Tests.Support;

namespace Consolidate.Cli.Tests;

/// <summary>
/// Packs src/Cli as a dotnet tool, installs it into a fresh local tool manifest from the local package folder, and runs
/// <c>dotnet tool run consolidate-analyze scan samples</c> (and <c>samples/editor/Editor.csproj</c>) as a user would. A unique version and a private NuGet cache
/// keep an older build from being picked up.
/// </summary>
public sealed class ToolPackageTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void Packed_tool_installs_and_scans_samples()
    {
        using var work = new TempTree();
        var packages = work.PathOf("packages");
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = work.PathOf("nuget-cache") };

        Run(RepoPaths.Root, [], "pack", "src/Cli/Consolidate.Cli.csproj", "-c", "Release", "-o", packages, $"-p:PackageVersion={version}", "--nologo");
        Assert.True(File.Exists(Path.Combine(packages, $"consolidate-analyze.{version}.nupkg")));

        var consumer = work.PathOf("consumer");
        Directory.CreateDirectory(consumer);
        Run(consumer, environment, "new", "tool-manifest");
        Run(consumer, environment, "tool", "install", "consolidate-analyze", "--local", "--add-source", packages, "--version", version);
        var output = Path.Combine(consumer, "report.json");
        var (code, stdout, stderr) = Exec(consumer, environment, "tool", "run", "consolidate-analyze", "scan", RepoPaths.Samples, "--format", "json", "--output", output, "--fail-on", "none");

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("\"schemaVersion\": 1", File.ReadAllText(output), StringComparison.Ordinal);

        // A project: the installed tool finds the SDK's MSBuild and carries its copy of the package's targets.
        var project = Exec(consumer, environment, "tool", "run", "consolidate-analyze", "scan", Path.Combine(RepoPaths.Samples, "editor", "Editor.csproj"), "--no-cache");
        Assert.True(project.Code == 0, project.Stdout + project.Stderr);
        Assert.Contains("docker-compose.yml:2: warning CONS501", project.Stdout, StringComparison.Ordinal);
    }

    private static void Run(string directory, Dictionary<string, string> environment, params string[] args)
    {
        var (code, stdout, stderr) = Exec(directory, environment, args);
        Assert.True(code == 0, $"dotnet {string.Join(' ', args)} exited {code}:\n{stdout}\n{stderr}");
    }

    private static (int Code, string Stdout, string Stderr) Exec(string directory, Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }
}
