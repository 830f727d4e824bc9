using System.Collections.Immutable;
using System.CommandLine;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Scanning;
using Consolidate.Cli.Options;
using Consolidate.Rewriters.Apply;

namespace Consolidate.Cli.Commands;

/// <summary>
/// <c>consolidate-analyze apply DIR [--repo PATH] [--only NN,...] [--allow-dirty]</c>: applies a patch set as one
/// transaction with a checkpoint under <c>REPO/.consolidate/checkpoints/</c> (<see cref="PatchSetApplier"/>). Exit 0 when
/// applied and re-validated; 1 when the re-validation failed and the tree was restored (the checks that failed are
/// named); 2 when refused (nothing changed) or when a write failed and the tree was restored (the message says which,
/// and what to run when restoring failed too).
/// </summary>
public static class ApplyCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var directory = new Argument<string>("dir") { Description = "The patch-set folder written by 'fix --out'." };
        var repo = new Option<string>("--repo") { Description = "The repository to change (default: the current folder).", DefaultValueFactory = _ => "." };
        var only = new Option<string[]>("--only") { Description = "Only these patches (comma-separated or repeated): numbers like 01, file names or families." };
        var allowDirty = new Option<bool>("--allow-dirty") { Description = "Apply even when git status shows uncommitted changes." };
        var config = new Option<string?>("--config") { Description = "The configuration file for the re-validation scan (default: REPO/consolidate.yml)." };
        var python = new Option<string>("--python") { Description = "The Python 3 interpreter that parses Python files.", DefaultValueFactory = _ => "python3" };
        var command = new Command("apply", "Apply a patch set to the repository, with a checkpoint that 'rollback' restores byte for byte.")
        {
            directory, repo, only, allowDirty, config, python,
        };
        command.SetAction(parse => Run(
            new ApplyRequest(parse.GetValue(repo)!, parse.GetValue(directory)!, [.. parse.GetValue(only) ?? []], parse.GetValue(allowDirty)),
            parse.GetValue(config),
            parse.GetValue(python)!,
            RealFileSystem.FromEnvironment(),
            stdout,
            stderr));
        return command;
    }

    internal static int Run(ApplyRequest request, string? configPath, string python, IFileSystem fileSystem, TextWriter stdout, TextWriter stderr)
    {
        var root = Path.GetFullPath(request.Repository);
        if (!Directory.Exists(root))
        {
            stderr.WriteLine($"error: --repo {request.Repository}: no such folder");
            return ExitCodes.UsageOrInputError;
        }

        var (config, configErrors) = ConfigFiles.LoadConfig(root, configPath);
        if (config is null)
        {
            foreach (var error in configErrors)
                stderr.WriteLine($"error: {error}");
            return ExitCodes.UsageOrInputError;
        }

        ApplyOutcome outcome;
        try
        {
            using var frontends = FrontendFactory.Create(new FrontendOptions { PythonExecutable = python });
            var analyzer = new RepositoryAnalyzer(config, frontends, new ScanOptions { Excludes = config.Exclude, MaxFileBytes = config.MaxFileBytes });
            outcome = new PatchSetApplier(fileSystem, TimeProvider.System).Apply(request, ct => analyzer.Analyze(root, null, ct), CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Failures once the tree changes are handled inside (restored from the checkpoint); this is a read that failed before.
            stderr.WriteLine($"error: {e.Message}");
            stderr.WriteLine($"nothing was changed (see 'consolidate-analyze checkpoints --repo {request.Repository}').");
            return ExitCodes.UsageOrInputError;
        }

        var checkpoint = outcome.Checkpoint;
        if (outcome.Status != ApplyStatus.Applied)
        {
            foreach (var problem in outcome.Problems)
                stderr.WriteLine(problem.StartsWith("  ", StringComparison.Ordinal) ? problem : $"error: {problem}");
            if (outcome.Status == ApplyStatus.Refused)
                stderr.WriteLine("nothing was changed.");
            return outcome.Status == ApplyStatus.ValidationFailedAndRestored ? ExitCodes.Findings : ExitCodes.UsageOrInputError;
        }

        var files = checkpoint!.Files;
        stdout.WriteLine($"applied {outcome.Patches.Length} patch(es) from {request.PatchSet}: {files.Length} file(s), "
            + $"{files.Count(f => f.ExistedBefore && f.ExistsAfter)} edited, {files.Count(f => !f.ExistedBefore)} created, {files.Count(f => !f.ExistsAfter)} deleted");
        foreach (var patch in outcome.Patches)
            stdout.WriteLine($"  {patch.File}");
        stdout.WriteLine($"checkpoint {checkpoint.Id} ({Path.GetRelativePath(root, Path.Combine(root, CheckpointStore.StateFolder, "checkpoints", checkpoint.Id))})");
        foreach (var note in outcome.Notes)
            stdout.WriteLine(note.StartsWith("re-validated", StringComparison.Ordinal) ? note : $"note: {note}");
        stdout.WriteLine($"undo with: consolidate-analyze rollback {checkpoint.Id} --repo {request.Repository}");
        return ExitCodes.Clean;
    }
}
