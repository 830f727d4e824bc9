namespace Consolidate.Rewriters.Apply;

/// <summary>
/// Puts back what a checkpoint recorded: every touched file with its original bytes and mode (written to a temp file in
/// its folder, flushed, renamed into place), files the apply created removed, folders it created removed when empty and
/// folders it removed made again; leftover temp files of the apply removed. Running it twice is harmless, so an
/// interrupted rollback is finished by running it again.
/// </summary>
public static class CheckpointRestorer
{
    /// <summary>The temp file an apply (or, with <paramref name="restore"/>, a rollback) stages the <paramref name="index"/>-th touched file in, beside it.</summary>
    public static string TempPath(string root, string path, string id, int index, bool restore = false) =>
        Path.Combine(Path.GetDirectoryName(Path.Combine(root, path))!, $".consolidate-{id}-{index:0000}{(restore ? ".restore" : "")}.tmp");

    /// <summary>Touched paths that are now neither what the apply left nor the original (someone changed them since).</summary>
    public static IReadOnlyList<string> ChangedSinceApply(string root, Checkpoint checkpoint, IFileSystem fileSystem)
    {
        var changed = new List<string>();
        foreach (var file in checkpoint.Files)
        {
            var full = Path.Combine(root, file.Path);
            string? now = null;
            var exists = fileSystem.FileExists(full);
            if (exists)
                now = CheckpointStore.Sha256(fileSystem.ReadAllBytes(full));
            else if (fileSystem.EntryExists(full))
            {
                changed.Add($"{file.Path} (now a folder or a link)");
                continue;
            }

            var isAfter = exists == file.ExistsAfter && (!exists || now == file.AfterSha256);
            var isOriginal = exists == file.ExistedBefore && (!exists || now == file.Sha256);
            if (!isAfter && !isOriginal)
                changed.Add(exists ? (file.ExistsAfter ? $"{file.Path} (changed after the apply)" : $"{file.Path} (created again after the apply deleted it)") : $"{file.Path} (deleted after the apply)");
            else if (exists && file.ExistedBefore && file.Mode is not null && CheckpointStore.ModeText(fileSystem.GetMode(full)) != file.Mode)
                changed.Add($"{file.Path} (mode changed after the apply: {CheckpointStore.ModeText(fileSystem.GetMode(full))}, was {file.Mode})");
        }

        return changed;
    }

    public static void Restore(string root, Checkpoint checkpoint, CheckpointStore store, IFileSystem fileSystem)
    {
        var touchedFolders = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var folder in checkpoint.RemovedDirectories.OrderBy(d => d.Path.Length))
        {
            var full = Path.Combine(root, folder.Path);
            if (fileSystem.DirectoryExists(full))
                continue;
            fileSystem.CreateDirectory(full);
            if (folder.Mode is not null)
                fileSystem.SetMode(full, CheckpointStore.ParseMode(folder.Mode));
            touchedFolders.Add(Path.GetDirectoryName(full)!);
        }

        for (var i = 0; i < checkpoint.Files.Length; i++)
        {
            var file = checkpoint.Files[i];
            var full = Path.Combine(root, file.Path);
            var folder = Path.GetDirectoryName(full)!;
            foreach (var leftover in new[] { TempPath(root, file.Path, checkpoint.Id, i), TempPath(root, file.Path, checkpoint.Id, i, restore: true) })
            {
                if (fileSystem.FileExists(leftover))
                {
                    fileSystem.DeleteFile(leftover);
                    touchedFolders.Add(folder);
                }
            }

            if (!file.ExistedBefore)
            {
                if (fileSystem.FileExists(full))
                {
                    fileSystem.DeleteFile(full);
                    touchedFolders.Add(folder);
                }

                continue;
            }

            var original = store.ReadOriginal(checkpoint, file);
            var mode = CheckpointStore.ParseMode(file.Mode!);
            if (fileSystem.FileExists(full) && fileSystem.GetMode(full) == mode && fileSystem.ReadAllBytes(full).AsSpan().SequenceEqual(original))
                continue;

            if (!fileSystem.DirectoryExists(folder))
                fileSystem.CreateDirectory(folder);
            var temp = TempPath(root, file.Path, checkpoint.Id, i, restore: true);
            fileSystem.WriteNew(temp, original, mode);
            fileSystem.Rename(temp, full);
            touchedFolders.Add(folder);
        }

        foreach (var folder in checkpoint.CreatedDirectories.OrderByDescending(d => d.Path.Length))
        {
            var full = Path.Combine(root, folder.Path);
            if (fileSystem.DirectoryExists(full) && fileSystem.EnumerateEntries(full).Count == 0)
            {
                fileSystem.DeleteEmptyDirectory(full);
                touchedFolders.Add(Path.GetDirectoryName(full)!);
            }
        }

        foreach (var folder in touchedFolders.Where(fileSystem.DirectoryExists))
            fileSystem.FlushDirectory(folder);

        Verify(root, checkpoint, fileSystem);
    }

    /// <summary>Reads every recorded path back: the original bytes and mode where a file existed, nothing where none did.</summary>
    private static void Verify(string root, Checkpoint checkpoint, IFileSystem fileSystem)
    {
        var wrong = new List<string>();
        foreach (var file in checkpoint.Files)
        {
            var full = Path.Combine(root, file.Path);
            if (!file.ExistedBefore)
            {
                if (fileSystem.EntryExists(full))
                    wrong.Add($"{file.Path} should not exist");
            }
            else if (!fileSystem.FileExists(full))
            {
                wrong.Add($"{file.Path} is missing");
            }
            else if (CheckpointStore.Sha256(fileSystem.ReadAllBytes(full)) != file.Sha256 || CheckpointStore.ModeText(fileSystem.GetMode(full)) != file.Mode)
            {
                wrong.Add($"{file.Path} differs from its recorded original");
            }
        }

        if (wrong.Count > 0)
            throw new InvalidDataException($"after restoring checkpoint {checkpoint.Id}, {string.Join("; ", wrong)}");
    }
}
