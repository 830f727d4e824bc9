namespace Consolidate.Rewriters.Apply;

/// <summary>What git says about the working tree (git only; no script of the repository ever runs).</summary>
public static class WorkingTree
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Changed, staged and untracked paths under <paramref name="root"/> (git-ignored paths and <c>.consolidate/</c> left
    /// out), or null and why git could not tell (not a git repository, git missing). core.fsmonitor is turned off so no
    /// configured hook program runs.
    /// </summary>
    public static (IReadOnlyList<string>? Entries, string? Problem) Changes(string root)
    {
        var (code, output) = Validation.GitProcess.Run(root, GitTimeout, "-c", "core.fsmonitor=false", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ".", ":(exclude)" + CheckpointStore.StateFolder);
        if (code != 0)
            return (null, $"git status failed in {root}: {output.Split('\n')[0]}");

        var entries = new List<string>();
        var parts = output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            // GitProcess trims the output, which may eat the first entry's leading space (" M x" -> "M x"); it is only shown.
            var entry = parts[i].Trim('\n');
            if (entry.Length == 0)
                continue;
            entries.Add(entry);
            if (entry[0] is 'R' or 'C')
                i++; // the rename's source path follows as its own entry
        }

        return (entries, null);
    }

    /// <summary>True when git ignores <c>.consolidate/</c> here; null when it cannot tell (not a git repository).</summary>
    public static bool? IgnoresStateFolder(string root)
    {
        var (code, _) = Validation.GitProcess.Run(root, GitTimeout, "check-ignore", "-q", CheckpointStore.StateFolder + "/");
        return code switch
        {
            0 => true,
            1 => false,
            _ => null,
        };
    }
}
