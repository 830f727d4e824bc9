using System.Diagnostics;
using Consolidate.Analyzers.Package.Tests.Support;
using Xunit.Abstractions;

namespace Consolidate.Analyzers.Package.Tests;

/// <summary>
/// The package as users get it: packed into a folder feed, referenced by a tiny consumer project with a root Dockerfile,
/// a shell script and a compose file, built with <c>dotnet build</c>. The findings appear in the build output; a
/// .globalconfig severity takes effect; without the native library the build still succeeds, with one CONS902.
/// </summary>
public sealed partial class PackedBuildTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(8);

    private readonly string work = Directory.CreateTempSubdirectory("consolidate-package-").FullName;

    [Fact]
    public void Dotnet_build_of_a_consumer_reports_the_rules_and_honours_globalconfig()
    {
        var consumer = Path.Combine(work, "consumer");
        var packages = Consumer(consumer, Pack());
        Directory.CreateDirectory(Path.Combine(consumer, "scripts"));
        Write(consumer, "Dockerfile", "FROM python:latest\nRUN pip install flask\n");
        Write(consumer, "scripts/run.sh", "#!/bin/bash\nset -euo pipefail\n./scripts/missing.sh\n");
        Write(consumer, "docker-compose.yml", "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n");

        var first = Run(consumer, "build");
        Assert.Contains("Dockerfile(1,1): warning CONS101:", first, StringComparison.Ordinal);
        Assert.Contains("Dockerfile(1,1): warning CONS102:", first, StringComparison.Ordinal);
        Assert.Contains("scripts/run.sh(3,1): warning CONS301:", first, StringComparison.Ordinal);
        Assert.Contains("docker-compose.yml(4,17): warning CONS103:", first, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", first, StringComparison.Ordinal);

        Write(consumer, ".globalconfig", "is_global = true\ndotnet_diagnostic.CONS101.severity = error\ndotnet_diagnostic.CONS102.severity = none\n");
        var second = Run(consumer, "build", expectSuccess: false);
        Assert.Contains("Dockerfile(1,1): error CONS101:", second, StringComparison.Ordinal);
        Assert.DoesNotContain("CONS102", second, StringComparison.Ordinal);
        File.Delete(Path.Combine(consumer, ".globalconfig"));

        // Without the native library: shell is not parsed, the build still succeeds and says so once.
        foreach (var library in Directory.EnumerateFiles(packages, "libconsolidate_treesitter.so", SearchOption.AllDirectories))
            File.Delete(library);
        var third = Run(consumer, "build");
        Assert.Contains("scripts/run.sh(1,1): warning CONS902:", third, StringComparison.Ordinal);
        Assert.Contains("Dockerfile(1,1): warning CONS101:", third, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", third, StringComparison.Ordinal);
    }

    /// <summary>
    /// samples/ built as a consumer with the buildTransitive defaults (globs, path list, .gitignore handling): the
    /// build's warnings are the CLI's warnings on samples/, by path, line and id.
    /// </summary>
    [Fact]
    public void Dotnet_build_of_samples_reports_the_warnings_the_cli_reports()
    {
        var samples = Path.Combine(PackageHarness.RepoRoot, "samples");
        var consumer = Path.Combine(work, "samples");
        foreach (var file in Directory.EnumerateFiles(samples, "*", SearchOption.AllDirectories))
        {
            // samples/editor is its own consumer (below); samples/consolidate.yml excludes it from the CLI's scan.
            if (Path.GetRelativePath(samples, file).StartsWith("editor/", StringComparison.Ordinal))
                continue;
            var target = Path.Combine(consumer, Path.GetRelativePath(samples, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Consumer(consumer, Pack());
        var reported = Warnings(consumer, Run(consumer, "build"));
        var cli = CliWarnings(samples);

        Assert.NotEmpty(cli);
        Assert.Equal(cli, reported);
    }

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

    /// <summary>
    /// samples/editor as committed (its own nuget.config, package version and ConsolidateRoot), in a copy laid out as
    /// the repository so the feed '../../artifacts' is where 'dotnet pack -o artifacts' puts the package: the build
    /// shows shell, Dockerfile, Python and compose findings, the same ids and lines as the CLI's scan of the folder.
    /// </summary>
    [Fact]
    public void Dotnet_build_of_samples_editor_reports_what_the_cli_reports()
    {
        var editor = EditorCopy();
        var cli = CliWarnings(editor);
        Assert.Equal(EditorFindings, cli);

        var reported = Warnings(editor, Run(editor, "build"));
        Assert.Equal(EditorFindings, reported);

        // The CLI on the project file, now restored with the package: its build's files and severities, from an
        // evaluation with the package's own targets, give the same ids, paths and lines as the build.
        Assert.Equal(reported, ProjectScanWarnings(Path.Combine(editor, "Editor.csproj")));
    }

    /// <summary>
    /// <c>consolidate-analyze scan PROJECT</c> in-process: its findings of warning severity or above as sorted
    /// "path:line: id" (paths relative to the project's ConsolidateRoot, as in the build's diagnostics).
    /// </summary>
    private string[] ProjectScanWarnings(string project)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = Consolidate.Cli.Program.Run(["scan", project, "--no-cache", "--fail-on", "none"], stdout, stderr);
        output.WriteLine($"$ consolidate-analyze scan {project} (exit {exit})\n{stdout}{stderr}");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("tool's copy", stderr.ToString(), StringComparison.Ordinal);
        return stdout.ToString().Split('\n')
            .Select(line => CliFinding().Match(line))
            .Where(m => m.Success)
            .Select(m => $"{m.Groups["path"].Value}:{m.Groups["line"].Value}: {m.Groups["id"].Value}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// The package parses Python with tree-sitter, not python3: with a PATH holding only dotnet, samples/editor still
    /// builds, the Python findings are still reported, and no CONS902 or AD0001 appears.
    /// </summary>
    [Fact]
    public void Dotnet_build_of_samples_editor_needs_no_python3()
    {
        var editor = EditorCopy();
        var bin = Directory.CreateDirectory(Path.Combine(work, "path-without-python")).FullName;
        var dotnet = DotnetExecutable();
        File.CreateSymbolicLink(Path.Combine(bin, "dotnet"), dotnet);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(bin), e => Path.GetFileName(e).StartsWith("python", StringComparison.Ordinal));

        var build = Run(editor, "build", expectSuccess: true, new Dictionary<string, string> { ["PATH"] = bin }, []);

        Assert.Equal(EditorFindings, Warnings(editor, build));
        Assert.Contains("app/worker.py(5,6): warning CONS401:", build, StringComparison.Ordinal);
        Assert.DoesNotContain("CONS902", build, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", build, StringComparison.Ordinal);
    }

    /// <summary>Copies samples/editor to &lt;work&gt;/repo/samples/editor and packs the package into &lt;work&gt;/repo/artifacts.</summary>
    private string EditorCopy()
    {
        var source = Path.Combine(PackageHarness.RepoRoot, "samples", "editor");
        var repo = Path.Combine(work, "repo");
        var editor = Path.Combine(repo, "samples", "editor");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal))
                continue;
            var target = Path.Combine(editor, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Pack(Path.Combine(repo, "artifacts"));
        return editor;
    }

    /// <summary>The real dotnet host (the muxer finds the SDK next to its resolved path, not the link's).</summary>
    private static string DotnetExecutable()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "dotnet"))
            .First(File.Exists);
        return new FileInfo(onPath).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? onPath;
    }

    /// <summary>The build's CONS warnings and errors as sorted "path:line: id", paths relative to the root.</summary>
    private static string[] Warnings(string root, string build) => build.Split('\n')
        .Select(line => BuildWarning().Match(line))
        .Where(m => m.Success)
        .Select(m => $"{Path.GetRelativePath(root, m.Groups["path"].Value).Replace('\\', '/')}:{m.Groups["line"].Value}: {m.Groups["id"].Value}")
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The CLI engine's findings of warning severity or above on a folder, as sorted "path:line: id".</summary>
    private static string[] CliWarnings(string root)
    {
        var (config, _) = Consolidate.Analyzers.Scanning.ConfigFiles.LoadConfig(root, null);
        using var frontends = Consolidate.Analyzers.Frontends.FrontendFactory.Create(new Consolidate.Analyzers.Frontends.FrontendOptions { PythonWorkers = 2 });
        return new Consolidate.Analyzers.Engine.RepositoryAnalyzer(config!, frontends, new Consolidate.Analyzers.Scanning.ScanOptions { Excludes = config!.Exclude })
            .Analyze(root, null, CancellationToken.None)
            .Reported
            .Where(d => d.Severity >= Consolidate.Analyzers.Catalog.Severity.Warning)
            .Select(d => $"{d.Path}:{d.Line}: {d.Rule.Id}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Packs the package into a folder feed of this test.</summary>
    private string Pack() => Pack(Path.Combine(work, "feed"));

    private string Pack(string feed)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var project = Path.Combine(PackageHarness.RepoRoot, "src", "Analyzers.Package", "Consolidate.Analyzers.Package.csproj");
        Run(PackageHarness.RepoRoot, "pack", project, "-c", configuration, "-o", feed);
        return feed;
    }

    /// <summary>Makes a folder a consumer project referencing the package from the feed; returns its packages folder.</summary>
    private string Consumer(string consumer, string feed)
    {
        var packages = Path.Combine(work, "packages-" + Path.GetFileName(consumer));
        Directory.CreateDirectory(consumer);
        Write(consumer, "Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <RestorePackagesPath>{packages}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Consolidate.Analyzers.Package" Version="*" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        Write(consumer, "nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        Write(consumer, "Consumer.cs", "public sealed class Consumer { }\n");
        return packages;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<path>[^:\s]+):(?<line>\d+): (warning|error) (?<id>CONS\d{3}) ")]
    private static partial System.Text.RegularExpressions.Regex CliFinding();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?<path>/[^(]+)\((?<line>\d+),\d+\): (warning|error) (?<id>CONS\d{3}):")]
    private static partial System.Text.RegularExpressions.Regex BuildWarning();

    private static void Write(string folder, string relative, string text) => File.WriteAllText(Path.Combine(folder, relative), text);

    /// <summary>Runs dotnet with no build server (nothing outlives the test, every build loads the analyzer afresh).</summary>
    private string Run(string directory, string verb, params string[] arguments) => Run(directory, verb, expectSuccess: true, arguments);

    private string Run(string directory, string verb, bool expectSuccess, params string[] arguments) =>
        Run(directory, verb, expectSuccess, new Dictionary<string, string>(), arguments);

    /// <summary>Runs dotnet; <paramref name="environment"/> overrides variables of the child (PATH, for one).</summary>
    private string Run(string directory, string verb, bool expectSuccess, IReadOnlyDictionary<string, string> environment, string[] arguments)
    {
        // With PATH overridden, the child starts from the dotnet on that PATH, not the one this process would find.
        var dotnet = environment.TryGetValue("PATH", out var path) ? Path.Combine(path, "dotnet") : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(verb);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var argument in new[] { "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary" })
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {verb} did not finish in {CommandTimeout}");
        }

        var text = stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult();
        output.WriteLine($"$ dotnet {verb} {string.Join(' ', arguments)} (exit {process.ExitCode})\n{text}");
        if (expectSuccess)
            Assert.True(process.ExitCode == 0, $"dotnet {verb} failed with exit code {process.ExitCode}");
        else
            Assert.NotEqual(0, process.ExitCode);
        return text;
    }
}
