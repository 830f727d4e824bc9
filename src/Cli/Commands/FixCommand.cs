using System.Collections.Immutable;
using System.CommandLine;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Scanning;
using Consolidate.Cli.Options;
using Consolidate.Rewriters;
using Consolidate.Rewriters.Patches;
using Consolidate.Rewriters.Validation;

namespace Consolidate.Cli.Commands;

/// <summary>
/// <c>consolidate-analyze fix REPO --out DIR</c>: writes a reviewable patch set (shared/contracts/patchset.md) and
/// changes nothing in REPO. Exit 0 when the set is written, 2 on a usage or configuration error (nothing written).
/// </summary>
public static class FixCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var path = new Argument<string>("path") { Description = "The repository (a folder) to fix.", DefaultValueFactory = _ => "." };
        var output = new Option<string>("--out", "-o") { Description = "The folder the patch set is written to (replaced atomically). Outside the repository, or git-ignored.", Required = true };
        var only = new Option<string[]>("--only") { Description = "Only these families (comma-separated or repeated): " + string.Join(", ", RewriterSet.All.Select(r => r.Family)) + "." };
        var @unsafe = new Option<bool>("--unsafe") { Description = "Also include unsafe changes (likely intended, may change behaviour: a term in a string)." };
        var config = new Option<string?>("--config") { Description = "The configuration file (default: PATH/consolidate.yml)." };
        var python = new Option<string>("--python") { Description = "The Python 3 interpreter that parses Python files.", DefaultValueFactory = _ => "python3" };

        var command = new Command("fix", "Write a patch set (NN-family.patch, manifest.json, SUMMARY.md) that fixes findings; the repository is not changed.")
        {
            path, output, only, @unsafe, config, python,
        };
        command.SetAction(parse => Run(
            new FixRequest(parse.GetValue(path)!, parse.GetValue(output)!, parse.GetValue(only) ?? [], parse.GetValue(@unsafe), parse.GetValue(config), parse.GetValue(python)!),
            stdout,
            stderr));
        return command;
    }

    internal static int Run(FixRequest request, TextWriter stdout, TextWriter stderr)
    {
        var root = Path.GetFullPath(request.Path);
        if (!Directory.Exists(root))
        {
            stderr.WriteLine($"error: {request.Path}: no such folder (fix takes a repository folder)");
            return ExitCodes.UsageOrInputError;
        }

        InterruptedApply.Warn(root, request.Path, stderr);

        var families = request.Only.SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var unknown = families.Where(f => RewriterSet.Find(f) is null).ToList();
        if (unknown.Count > 0)
        {
            stderr.WriteLine($"error: --only: unknown famil{(unknown.Count == 1 ? "y" : "ies")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}; known: {string.Join(", ", RewriterSet.All.Select(r => r.Family))}");
            return ExitCodes.UsageOrInputError;
        }

        var outFull = Path.GetFullPath(request.Out).TrimEnd('/');
        var relativeOut = Path.GetRelativePath(root, outFull).Replace('\\', '/');
        var insideRepo = relativeOut != ".." && !relativeOut.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relativeOut);
        if (insideRepo)
        {
            if (relativeOut == ".")
            {
                stderr.WriteLine($"error: --out {request.Out}: the patch set cannot replace the repository itself");
                return ExitCodes.UsageOrInputError;
            }

            var (ignored, _) = GitProcess.Run(root, TimeSpan.FromSeconds(30), "check-ignore", "-q", "--no-index", relativeOut + "/");
            if (ignored != 0)
            {
                stderr.WriteLine($"error: --out {request.Out} is inside the repository and not git-ignored: the patch set would be scanned as part of it; write it outside the repository or add '{relativeOut}/' to .gitignore");
                return ExitCodes.UsageOrInputError;
            }
        }

        var (config, configErrors) = ConfigFiles.LoadConfig(root, request.Config);
        if (config is null)
        {
            foreach (var error in configErrors)
                stderr.WriteLine($"error: {error}");
            return ExitCodes.UsageOrInputError;
        }

        var scanOptions = new ScanOptions
        {
            Excludes = config.Exclude,
            MaxFileBytes = config.MaxFileBytes,
            OmitPaths = insideRepo ? ImmutableHashSet.Create(relativeOut) : ImmutableHashSet<string>.Empty,
        };

        var display = request.Path.Replace('\\', '/').TrimEnd('/');
        PatchSet set;
        using (var frontends = FrontendFactory.Create(new FrontendOptions { PythonExecutable = request.Python }))
        {
            var analyzer = new RepositoryAnalyzer(config, frontends, scanOptions);
            var scan = Progress.Run(stderr, progress => analyzer.Analyze(root, progress, CancellationToken.None));
            if (!scan.ConfigErrors.IsEmpty)
            {
                foreach (var error in scan.ConfigErrors)
                    stderr.WriteLine($"error: {error}");
                return ExitCodes.UsageOrInputError;
            }

            set = PatchSetBuilder.Build(root, scan, analyzer, new FixOptions(families, request.Unsafe, display.Length == 0 ? "." : display), CancellationToken.None);
        }

        try
        {
            PatchSetWriter.Write(set, outFull);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write the patch set to {request.Out}: {e.Message}");
            return ExitCodes.UsageOrInputError;
        }

        stdout.WriteLine($"wrote {set.Patches.Length} patch(es) to {request.Out} ({set.Refused.Length} change(s) refused, see SUMMARY.md)");
        foreach (var patch in set.Patches)
            stdout.WriteLine($"  {patch.FileName}: {patch.Summary}");
        stdout.WriteLine($"findings {set.Before.Findings} -> {set.After.Findings}, dangling references {set.Before.DanglingReferences} -> {set.After.DanglingReferences}");
        return ExitCodes.Clean;
    }
}
