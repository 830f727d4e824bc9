using System.Collections.Immutable;
using System.CommandLine;
using Consolidate.Analyzers.Caching;
using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Scanning;
using Consolidate.Cli.Formatters;
using Consolidate.Cli.Options;
using Consolidate.Cli.Projects;

namespace Consolidate.Cli.Commands;

/// <summary><c>consolidate-analyze scan PATH</c>: the report on stdout or --output, progress on stderr, exit code by --fail-on.</summary>
public static class ScanCommand
{
    private static readonly string[] Formats = ["text", "json", "sarif", "markdown"];
    private static readonly string[] FailOn = ["error", "warning", "none"];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path") { Description = "The repository (a folder) to scan, or a .csproj/.sln: the files and severities its build hands the analyzer package (evaluated, never built).", DefaultValueFactory = _ => "." };
        var format = new Option<string>("--format", "-f") { Description = "Report format: text, json (schema v1), sarif (2.1.0) or markdown (a PR comment).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file (atomically) instead of stdout." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit with 1 when a finding has this severity or higher: error, warning, none.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong(FailOn);
        var exclude = new Option<string[]>("--exclude") { Description = "A glob (.gitignore syntax, relative to PATH) never read; repeatable. Adds to consolidate.yml 'exclude'." };
        var config = new Option<string?>("--config") { Description = "The configuration file (default: PATH/consolidate.yml)." };
        var baseline = new Option<string?>("--baseline") { Description = "Report only findings whose fingerprints are not in this baseline file." };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Write the fingerprints of today's findings to this file." };
        var python = new Option<string>("--python") { Description = "The Python 3 interpreter that parses Python files.", DefaultValueFactory = _ => "python3" };
        var noCache = new Option<bool>("--no-cache") { Description = "Parse every file, and neither read nor write PATH/.consolidate/cache (docs/cache.md)." };

        var command = new Command("scan", "Scan a repository: files, clone classes, references and rule findings.")
        {
            path, format, output, failOn, exclude, config, baseline, writeBaseline, python, noCache,
        };
        command.SetAction(parse => Run(
            new ScanRequest(
                parse.GetValue(path)!,
                parse.GetValue(format)!,
                parse.GetValue(output),
                parse.GetValue(failOn)!,
                parse.GetValue(exclude) ?? [],
                parse.GetValue(config),
                parse.GetValue(python)!,
                parse.GetValue(baseline),
                parse.GetValue(writeBaseline),
                parse.GetValue(noCache)),
            stdout,
            stderr));
        return command;
    }

    internal static int Run(ScanRequest request, TextWriter stdout, TextWriter stderr)
    {
        if (ProjectScan.IsProjectPath(request.Path) && !Directory.Exists(request.Path))
            return RunProject(request, stdout, stderr);

        var root = Path.GetFullPath(request.Path);
        if (!Directory.Exists(root))
        {
            stderr.WriteLine($"error: {request.Path}: no such folder (scan takes a repository folder)");
            return ExitCodes.UsageOrInputError;
        }

        InterruptedApply.Warn(root, request.Path, stderr);

        var (config, configErrors) = ConfigFiles.LoadConfig(root, request.Config);
        if (config is null)
        {
            foreach (var error in configErrors)
                stderr.WriteLine($"error: {error}");
            return ExitCodes.UsageOrInputError;
        }

        if (!TryReadBaseline(request, stderr, out var baseline))
            return ExitCodes.UsageOrInputError;

        var omit = ImmutableHashSet<string>.Empty;
        foreach (var written in new[] { request.Output, request.WriteBaseline })
        {
            if (written is null)
                continue;
            var relative = Path.GetRelativePath(root, Path.GetFullPath(written)).Replace('\\', '/');
            if (!relative.StartsWith("../", StringComparison.Ordinal))
                omit = omit.Add(relative);
        }

        var scanOptions = new ScanOptions
        {
            Excludes = config.Exclude.AddRange(request.Excludes),
            MaxFileBytes = config.MaxFileBytes,
            OmitPaths = omit,
        };

        AnalysisResult result;
        var frontends = FrontendFactory.Create(new FrontendOptions { PythonExecutable = request.Python });
        try
        {
            var analyzer = new RepositoryAnalyzer(config, frontends, scanOptions, baseline, request.NoCache ? null : scanned => new ParseCache(scanned));
            result = Progress.Run(stderr, progress => analyzer.Analyze(root, progress, CancellationToken.None));
        }
        catch
        {
            frontends.Dispose();
            throw;
        }

        // Stopping the Python workers (and removing their script) takes tens of milliseconds: it overlaps the report.
        var stopping = Task.Run(frontends.Dispose);

        try
        {
            if (result.Cache?.WriteFailure is { } cacheFailure)
                stderr.WriteLine($"warning: {cacheFailure}; the scan is complete, the next one parses everything again (--no-cache turns the cache off)");

            return Finish(request, result, stdout, stderr);
        }
        finally
        {
            stopping.GetAwaiter().GetResult();
        }
    }

    /// <summary>A project or solution: its build's file set and severities (docs/projects.md).</summary>
    private static int RunProject(ScanRequest request, TextWriter stdout, TextWriter stderr)
    {
        if (request.Config is not null || request.Excludes.Length > 0)
        {
            stderr.WriteLine("error: --config and --exclude do not apply to a project: its ConsolidateConfig and ConsolidateExclude properties decide, as in the build");
            return ExitCodes.UsageOrInputError;
        }

        if (!TryReadBaseline(request, stderr, out var baseline))
            return ExitCodes.UsageOrInputError;

        AnalysisResult? result;
        string? error;
        using (var frontends = FrontendFactory.Create(new FrontendOptions { PythonExecutable = request.Python }))
            (result, error) = Progress.Run(stderr, progress => ProjectScan.Run(request.Path, frontends, baseline, progress, note => stderr.WriteLine($"note: {note}"), CancellationToken.None));
        if (result is null)
        {
            stderr.WriteLine($"error: {error}");
            return ExitCodes.UsageOrInputError;
        }

        return Finish(request, result, stdout, stderr);
    }

    /// <summary>The --baseline fingerprints (null without the option); false, after saying why, when the file is unreadable.</summary>
    private static bool TryReadBaseline(ScanRequest request, TextWriter stderr, out ImmutableHashSet<string>? baseline)
    {
        baseline = null;
        if (request.Baseline is null)
            return true;
        (baseline, var error) = BaselineFile.Read(request.Baseline);
        if (error is null)
            return true;
        stderr.WriteLine($"error: {error}");
        return false;
    }

    /// <summary>
    /// Stops on configuration errors the scan found (exit 2); otherwise writes the report (and baseline) and turns the
    /// findings into the exit code.
    /// </summary>
    private static int Finish(ScanRequest request, AnalysisResult result, TextWriter stdout, TextWriter stderr)
    {
        if (!result.ConfigErrors.IsEmpty)
        {
            foreach (var error in result.ConfigErrors)
                stderr.WriteLine($"error: {error}");
            return ExitCodes.UsageOrInputError;
        }

        var display = request.Path.Replace('\\', '/').TrimEnd('/');
        try
        {
            WriteReport(request, result, display, stdout);
            if (request.WriteBaseline is not null)
                AtomicFile.Write(request.WriteBaseline, stream => BaselineFile.Write(stream, result));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write the report: {e.Message}");
            return ExitCodes.UsageOrInputError;
        }

        var threshold = request.FailOn switch
        {
            "warning" => Severity.Warning,
            "none" => (Severity?)null,
            _ => Severity.Error,
        };
        return threshold is not null && result.Reported.Any(d => d.Severity >= threshold) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private static void WriteReport(ScanRequest request, AnalysisResult result, string display, TextWriter stdout)
    {
        Action<Stream> write = request.Format switch
        {
            "json" => stream => JsonReportWriter.Write(stream, result, display, ToolInfo.Version),
            "sarif" => stream => SarifWriter.Write(stream, result, ToolInfo.Version),
            "markdown" => stream =>
            {
                using var writer = new StreamWriter(stream, leaveOpen: true);
                MarkdownWriter.Write(writer, result);
            },
            _ => stream =>
            {
                using var writer = new StreamWriter(stream, leaveOpen: true);
                TextReportWriter.Write(writer, result, display);
            },
        };

        if (request.Output is not null)
        {
            AtomicFile.Write(request.Output, write);
            return;
        }

        using var buffer = new MemoryStream();
        write(buffer);
        stdout.Write(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        stdout.Flush();
    }
}
