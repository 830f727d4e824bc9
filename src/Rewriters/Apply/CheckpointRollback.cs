using Consolidate.Rewriters.Validation;

namespace Consolidate.Rewriters.Apply;

/// <summary>
/// <c>rollback</c>: restores a checkpoint (the given id, else the latest applied or in-progress one) byte for byte and mode
/// for mode. Files changed after the apply (neither what the apply left nor the original) are listed and the rollback
/// refused unless forced, so later work is never overwritten silently. A checkpoint still in progress (an interrupted apply) is
/// restored the same way: each file is either untouched, already new, or has a leftover temp file, all of which restoring
/// handles.
/// </summary>
public sealed class CheckpointRollback
{
    private readonly IFileSystem fileSystem;

    public CheckpointRollback(IFileSystem fileSystem) => this.fileSystem = fileSystem;

    public RollbackOutcome Rollback(string repository, string? id, bool force)
    {
        var root = Path.GetFullPath(repository).TrimEnd('/');
        if (!fileSystem.DirectoryExists(root))
            return Refused($"{repository}: no such folder");
        var store = new CheckpointStore(root, fileSystem);
        if (store.FolderProblem() is { } folderProblem)
            return Refused(folderProblem);
        if (!fileSystem.DirectoryExists(store.Folder))
            return Refused($"no checkpoints in {root} ({CheckpointStore.StateFolder}/checkpoints does not exist): nothing was applied here");

        var (held, lockProblem) = store.Lock();
        if (held is null)
            return Refused(lockProblem!);
        using (held)
        {
            Checkpoint? checkpoint;
            if (id is not null)
            {
                (checkpoint, var problem) = store.Load(id);
                if (checkpoint is null)
                    return Refused(problem!);
                if (checkpoint.State == CheckpointState.RolledBack)
                    return Refused($"checkpoint {id} is already rolled back{(checkpoint.Reason is null ? "" : $" ({checkpoint.Reason})")}");
            }
            else
            {
                checkpoint = store.List()
                    .Select(c => c.Checkpoint)
                    .LastOrDefault(c => c?.State is CheckpointState.Applied or CheckpointState.InProgress);
                if (checkpoint is null)
                    return Refused($"no applied checkpoint to roll back in {root} (see 'consolidate-analyze checkpoints')");
            }

            var notes = new List<string>();
            if (checkpoint.State == CheckpointState.InProgress)
                notes.Add($"checkpoint {checkpoint.Id} is still in progress: an apply was interrupted part-way; restoring every file it recorded");

            // checkpoint.json is only data: a path in it that leaves the repository is refused like one in a patch.
            var unsafePaths = checkpoint.Files.Select(f => f.Path)
                .Concat(checkpoint.CreatedDirectories.Select(d => d.Path))
                .Concat(checkpoint.RemovedDirectories.Select(d => d.Path))
                .Select(p => (Path: p, Problem: PathGuard.Problem(root, p) ?? (p.Split('/')[0] == CheckpointStore.StateFolder ? "a path inside the checkpoints folder" : null)))
                .Where(p => p.Problem is not null)
                .Select(p => $"checkpoint {checkpoint.Id} names '{p.Path}': {p.Problem}; refusing to restore it")
                .ToList();
            if (unsafePaths.Count > 0)
                return new RollbackOutcome(RollbackStatus.Refused, checkpoint, [], [.. unsafePaths], [.. notes]);

            var changed = CheckpointRestorer.ChangedSinceApply(root, checkpoint, fileSystem);
            if (changed.Count > 0 && !force)
            {
                return new RollbackOutcome(RollbackStatus.Refused, checkpoint, [.. changed], [
                    $"{changed.Count} file(s) touched by checkpoint {checkpoint.Id} changed after the apply; rolling back would overwrite that work (pass --force to restore them anyway):",
                ], [.. notes]);
            }

            if (changed.Count > 0)
                notes.Add($"--force: overwriting {changed.Count} file(s) changed after the apply");

            try
            {
                CheckpointRestorer.Restore(root, checkpoint, store, fileSystem);
                checkpoint = checkpoint with { State = CheckpointState.RolledBack };
                store.Save(checkpoint);
                return new RollbackOutcome(RollbackStatus.RolledBack, checkpoint, [.. changed], [], [.. notes]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                return new RollbackOutcome(RollbackStatus.Failed, checkpoint, [.. changed], [
                    $"restoring checkpoint {checkpoint.Id} failed: {e.Message}; fix the cause and run rollback again (it continues where it stopped)",
                ], [.. notes]);
            }
        }
    }

    private static RollbackOutcome Refused(string problem) => new(RollbackStatus.Refused, null, [], [problem], []);
}
