using System.CommandLine;
using Consolidate.Cli.Options;
using Consolidate.Rewriters.Apply;

namespace Consolidate.Cli.Commands;

/// <summary>
/// <c>consolidate-analyze checkpoints [--repo PATH]</c>: lists the checkpoints (id, state, files, patch set), oldest
/// first, and points out one still in progress (an interrupted apply) with the rollback that restores it. Exit 0; 2 when the
/// folder does not exist.
/// </summary>
public static class CheckpointsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var repo = new Option<string>("--repo") { Description = "The repository (default: the current folder).", DefaultValueFactory = _ => "." };
        var command = new Command("checkpoints", "List the checkpoints apply recorded (id, state, patch set, files).")
        {
            repo,
        };
        command.SetAction(parse => Run(parse.GetValue(repo)!, new RealFileSystem(), stdout, stderr));
        return command;
    }

    internal static int Run(string repository, IFileSystem fileSystem, TextWriter stdout, TextWriter stderr)
    {
        var root = Path.GetFullPath(repository);
        if (!Directory.Exists(root))
        {
            stderr.WriteLine($"error: --repo {repository}: no such folder");
            return ExitCodes.UsageOrInputError;
        }

        var store = new CheckpointStore(root, fileSystem);
        var checkpoints = store.List();
        var busy = store.IsBusy();
        if (checkpoints.IsEmpty)
        {
            stdout.WriteLine("no checkpoints");
            return ExitCodes.Clean;
        }

        foreach (var (id, checkpoint, problem) in checkpoints)
        {
            if (checkpoint is null)
            {
                stdout.WriteLine($"{id}  unreadable   {problem}");
                continue;
            }

            var state = checkpoint.State switch
            {
                CheckpointState.InProgress => "in-progress",
                CheckpointState.Applied => "applied",
                _ => "rolled-back",
            };
            stdout.WriteLine($"{id}  {state,-11}  {checkpoint.Files.Length,4} file(s)  {checkpoint.PatchSet} ({string.Join(", ", checkpoint.Patches)})");
            if (checkpoint.State == CheckpointState.InProgress && busy)
                stdout.WriteLine("  running now: an apply or rollback holds .consolidate/lock");
            else if (checkpoint.State == CheckpointState.InProgress)
                stdout.WriteLine($"  interrupted apply: the tree may be half changed; restore it with 'consolidate-analyze rollback {id} --repo {repository}'");
            if (checkpoint.Reason is not null)
                stdout.WriteLine($"  rolled back automatically: {checkpoint.Reason}");
        }

        return ExitCodes.Clean;
    }
}
