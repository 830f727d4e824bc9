using Consolidate.Rewriters.Apply;

namespace Consolidate.Cli.Commands;

/// <summary>
/// Tells the user, on stderr, about checkpoints left in progress under <c>REPO/.consolidate/</c>: an apply that was killed
/// part-way, leaving the tree possibly half changed, and the rollback that restores it. Every command that looks at a
/// repository calls it first (apply refuses outright; rollback restores it).
/// </summary>
public static class InterruptedApply
{
    /// <summary>Writes one warning per interrupted apply; returns how many there were.</summary>
    public static int Warn(string root, string display, TextWriter stderr)
    {
        var store = new CheckpointStore(root, new RealFileSystem());
        if (!Directory.Exists(store.Folder))
            return 0;
        var interrupted = store.List().Where(c => c.Checkpoint?.State == CheckpointState.InProgress).Select(c => c.Id).ToList();
        if (interrupted.Count > 0 && store.IsBusy())
        {
            stderr.WriteLine($"warning: an apply or rollback is running in {display} right now (checkpoint {string.Join(", ", interrupted)}); files may change under this command");
            return 0;
        }

        foreach (var id in interrupted)
        {
            stderr.WriteLine($"warning: an apply was interrupted in {display} (checkpoint {id} is still in progress): the tree may be half changed; "
                + $"restore it with 'consolidate-analyze rollback {id} --repo {display}'");
        }

        return interrupted.Count;
    }
}
