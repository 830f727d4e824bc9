using System.CommandLine;
using Consolidate.Cli.Options;
using Consolidate.Rewriters.Apply;

namespace Consolidate.Cli.Commands;

/// <summary>
/// <c>consolidate-analyze rollback [ID] [--repo PATH] [--force]</c>: restores the files of a checkpoint (the latest
/// applied or interrupted one when no ID is given) byte for byte, modes included (<see cref="CheckpointRollback"/>).
/// Exit 0 when restored, 2 when refused or failed (the message says which files and why).
/// </summary>
public static class RollbackCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<string?>("id") { Description = "The checkpoint to restore (default: the latest applied or interrupted one).", DefaultValueFactory = _ => null };
        var repo = new Option<string>("--repo") { Description = "The repository (default: the current folder).", DefaultValueFactory = _ => "." };
        var force = new Option<bool>("--force") { Description = "Restore even files that changed after the apply (their changes are lost)." };
        var command = new Command("rollback", "Undo an apply: restore every file it touched from its checkpoint, byte for byte.")
        {
            id, repo, force,
        };
        command.SetAction(parse => Run(parse.GetValue(repo)!, parse.GetValue(id), parse.GetValue(force), RealFileSystem.FromEnvironment(), stdout, stderr));
        return command;
    }

    internal static int Run(string repository, string? id, bool force, IFileSystem fileSystem, TextWriter stdout, TextWriter stderr)
    {
        RollbackOutcome outcome;
        try
        {
            outcome = new CheckpointRollback(fileSystem).Rollback(repository, id, force);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Failures while restoring are reported inside; this is a read before it (a checkpoint or a file that cannot be read).
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.UsageOrInputError;
        }

        foreach (var note in outcome.Notes)
            stderr.WriteLine($"note: {note}");
        if (outcome.Status != RollbackStatus.RolledBack)
        {
            foreach (var problem in outcome.Problems)
                stderr.WriteLine($"error: {problem}");
            foreach (var path in outcome.ChangedSinceApply)
                stderr.WriteLine($"  {path}");
            return ExitCodes.UsageOrInputError;
        }

        var files = outcome.Checkpoint!.Files;
        stdout.WriteLine($"rolled back checkpoint {outcome.Checkpoint.Id}: {files.Length} file(s) restored "
            + $"({files.Count(f => f.ExistedBefore && f.ExistsAfter)} edited, {files.Count(f => !f.ExistedBefore)} created and now removed, {files.Count(f => !f.ExistsAfter)} deleted and now back)");
        return ExitCodes.Clean;
    }
}
