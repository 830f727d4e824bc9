using System.Collections.Immutable;
using Consolidate.Analyzers.Engine;
using Consolidate.Rewriters.Validation;

namespace Consolidate.Rewriters.Apply;

/// <summary>
/// <c>apply</c> as a transaction. Checks first, changing nothing: the manifest and every patch parse, every path of
/// every patch stays in the repository (<see cref="PathGuard"/>, and never <c>.consolidate/</c>), no earlier apply is
/// left in progress, every touched file still has its baseline sha256, the git working tree is clean (unless allowed), and
/// every patch applies in memory (<see cref="UnifiedDiffApplier"/>). Then a checkpoint (state in-progress: original bytes,
/// modes, what existed, the after-apply sha256, a copy of the manifest and patches) is written and flushed; only then the
/// tree changes, in two phases: every new content is staged in a flushed temp file beside its target, then renamed into
/// place (deletions too), and the folders are flushed. A failure at any step restores the files already changed from the
/// checkpoint. Then the repository is scanned again and compared with the scan from before, with the checks <c>fix</c>
/// ran on its scratch copy (<see cref="TreeChecks"/>: no touched file parses worse, no new dangling reference, the
/// patches' own findings do not grow); a failed check rolls everything back, saying why. Only then is the checkpoint
/// marked applied.
/// </summary>
public sealed class PatchSetApplier
{
    private const UnixFileMode ExecuteBits = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private readonly IFileSystem fileSystem;
    private readonly TimeProvider time;

    public PatchSetApplier(IFileSystem fileSystem, TimeProvider time)
    {
        this.fileSystem = fileSystem;
        this.time = time;
    }

    /// <param name="scan">Scans the repository (before and after the change, for the checks); null applies without re-validation.</param>
    public ApplyOutcome Apply(ApplyRequest request, Func<CancellationToken, AnalysisResult>? scan, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(request.Repository).TrimEnd('/');
        if (!fileSystem.DirectoryExists(root))
            return ApplyOutcome.Refused($"{request.Repository}: no such folder (--repo takes the repository the patch set was made for)");
        var store = new CheckpointStore(root, fileSystem);
        if (store.FolderProblem() is { } folderProblem)
            return ApplyOutcome.Refused(folderProblem);

        var (manifest, manifestProblem) = PatchSetManifest.Load(fileSystem, request.PatchSet);
        if (manifest is null)
            return ApplyOutcome.Refused(manifestProblem!);
        var (chosen, selectProblem) = Select(manifest, request.Only);
        if (chosen is not { } selected)
            return ApplyOutcome.Refused(selectProblem!);

        var (parsed, parseProblems) = ParseAll(root, manifest);
        if (parseProblems.Count > 0)
            return ApplyOutcome.Refused(parseProblems);

        var (held, lockProblem) = store.Lock();
        if (held is null)
            return ApplyOutcome.Refused(lockProblem!);
        using (held)
        {
            var interrupted = store.List().Where(c => c.Checkpoint?.State == CheckpointState.InProgress).Select(c => c.Id).ToList();
            if (interrupted.Count > 0)
            {
                return ApplyOutcome.Refused(interrupted.Select(id =>
                    $"checkpoint {id} is in progress: an earlier apply was interrupted and the tree may be half changed; run 'consolidate-analyze rollback {id} --repo {request.Repository}' first"));
            }

            var touched = selected.SelectMany(e => parsed[e.File]).Select(f => f.Path).Distinct().Order(StringComparer.Ordinal).ToList();
            var (current, baselineProblems) = CheckBaseline(root, manifest, selected, parsed, touched);
            if (baselineProblems.Count > 0)
            {
                return ApplyOutcome.Refused(baselineProblems.Prepend(
                    "the repository changed since the patch set was made, so nothing was applied (run fix again to get a patch set for the tree as it is now):"));
            }

            if (!request.AllowDirty)
            {
                var (changes, gitProblem) = WorkingTree.Changes(root);
                if (changes is null)
                    return ApplyOutcome.Refused($"cannot tell whether the working tree is clean ({gitProblem}); commit or stash first, or pass --allow-dirty");
                if (changes.Count > 0)
                {
                    return ApplyOutcome.Refused(changes.Take(20).Select(c => "  " + c)
                        .Prepend($"the git working tree has {changes.Count} uncommitted change(s) (git status, ignoring git-ignored paths and .consolidate/); commit or stash them so the apply can be reviewed on its own, or pass --allow-dirty:")
                        .Concat(changes.Count > 20 ? [$"  ... and {changes.Count - 20} more"] : []));
                }
            }

            var (after, createModes, applyProblems) = ApplyInMemory(selected, parsed, current);
            if (applyProblems.Count > 0)
            {
                if (!request.Only.IsDefaultOrEmpty)
                    applyProblems.Add("(with --only, a patch made on top of a left-out earlier patch of the same file may not apply on its own)");
                return ApplyOutcome.Refused(applyProblems);
            }

            var plan = touched.Where(p => !(current[p] is null && after[p] is null) && !(current[p] is { } b && after[p] is { } a && b.AsSpan().SequenceEqual(a))).ToList();
            var (created, removed, folderProblems) = PlanFolders(root, plan, current, after);
            if (folderProblems.Count > 0)
                return ApplyOutcome.Refused(folderProblems);

            var before = scan?.Invoke(cancellationToken);
            var id = CheckpointStore.NewId(time);
            var files = ImmutableArray.CreateBuilder<CheckpointFile>();
            var originals = new List<(string Name, byte[] Bytes)>();
            foreach (var path in plan)
            {
                var name = current[path] is null ? null : $"files/{originals.Count:0000}";
                if (current[path] is { } bytes)
                    originals.Add((name!, bytes));
                files.Add(new CheckpointFile(
                    path,
                    current[path] is not null,
                    current[path] is null ? null : CheckpointStore.ModeText(fileSystem.GetMode(Path.Combine(root, path))),
                    current[path] is { } c ? CheckpointStore.Sha256(c) : null,
                    name,
                    after[path] is not null,
                    after[path] is { } a ? CheckpointStore.Sha256(a) : null));
            }

            var checkpoint = new Checkpoint(
                1, id, CheckpointState.InProgress, time.GetUtcNow().UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture), manifest.Directory,
                [.. selected.Select(e => e.File)], files.ToImmutable(), created, removed, [], null);
            originals.Add(("patchset/" + PatchSetManifest.FileName, fileSystem.ReadAllBytes(Path.Combine(manifest.Directory, PatchSetManifest.FileName))));
            originals.AddRange(selected.Select(e => ("patchset/" + e.File, fileSystem.ReadAllBytes(Path.Combine(manifest.Directory, e.File)))));
            try
            {
                store.Create(checkpoint, originals);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                try
                {
                    // The manifest may already be there, in progress; it must not block the next apply, as nothing changed.
                    if (fileSystem.FileExists(Path.Combine(store.PathOf(id), CheckpointStore.ManifestName)))
                        store.Save(checkpoint with { State = CheckpointState.RolledBack, Reason = $"the checkpoint could not be written ({e.Message}); nothing was changed" });
                }
                catch (Exception again) when (again is IOException or UnauthorizedAccessException)
                {
                    // Still in progress: rollback restores the (unchanged) originals, which is harmless.
                }

                return ApplyOutcome.Refused($"cannot write checkpoint {id} under {store.Folder}: {e.Message}; nothing in the tree was changed");
            }

            var failure = Execute(root, checkpoint, after, createModes);
            if (failure is not null)
                return Undo(root, store, checkpoint, selected, ApplyStatus.FailedAndRestored, failure);

            if (before is not null)
            {
                var rescan = scan!(cancellationToken);
                var createdFiles = plan.Where(p => current[p] is null).ToHashSet(StringComparer.Ordinal);
                var ruleIds = selected.SelectMany(e => e.RuleIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
                checkpoint = checkpoint with
                {
                    Checks = [TreeChecks.Parse(before, rescan, plan, createdFiles), TreeChecks.References(before, rescan), TreeChecks.Findings(before, rescan, ruleIds)],
                };
                if (checkpoint.Checks.Any(c => !c.Passed))
                {
                    var reason = "re-validation after the apply failed: " + string.Join("; ", checkpoint.Checks.Where(c => !c.Passed).Select(c => $"check '{c.Name}': {c.Detail}"));
                    return Undo(root, store, checkpoint, selected, ApplyStatus.ValidationFailedAndRestored, reason);
                }
            }

            try
            {
                checkpoint = checkpoint with { State = CheckpointState.Applied };
                store.Save(checkpoint);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Undo(root, store, checkpoint, selected, ApplyStatus.FailedAndRestored, $"marking checkpoint {id} applied failed: {e.Message}");
            }

            var notes = new List<string>();
            notes.AddRange(checkpoint.Checks.Select(c => $"re-validated, {c.Name}: {c.Detail}"));
            if (WorkingTree.IgnoresStateFolder(root) == false)
                notes.Add($"{CheckpointStore.StateFolder}/ holds the checkpoints (original bytes for rollback) and is not git-ignored: add '{CheckpointStore.StateFolder}/' to .gitignore");
            return new ApplyOutcome(ApplyStatus.Applied, checkpoint, selected, [], [.. notes]);
        }
    }

    private static (ImmutableArray<PatchSetEntry>? Selected, string? Problem) Select(PatchSetManifest manifest, ImmutableArray<string> only)
    {
        if (manifest.Patches.IsEmpty)
            return (null, $"{manifest.Directory}: the patch set has no patches; nothing to apply");
        var tokens = only.IsDefaultOrEmpty
            ? []
            : only.SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (tokens.Count == 0)
            return (manifest.Patches, null);

        var unknown = tokens.Where(t => !manifest.Patches.Any(p => Matches(p, t))).ToList();
        if (unknown.Count > 0)
            return (null, $"--only: {string.Join(", ", unknown.Select(u => $"'{u}'"))} match no patch; the set has {string.Join(", ", manifest.Patches.Select(p => p.File))}");
        return ([.. manifest.Patches.Where(p => tokens.Any(t => Matches(p, t)))], null);
    }

    private static bool Matches(PatchSetEntry patch, string token) =>
        token.All(char.IsAsciiDigit) ? int.TryParse(token, out var n) && n == patch.Number : token == patch.File || token == patch.Family;

    private (Dictionary<string, ImmutableArray<DiffFile>> Parsed, List<string> Problems) ParseAll(string root, PatchSetManifest manifest)
    {
        var parsed = new Dictionary<string, ImmutableArray<DiffFile>>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var entry in manifest.Patches)
        {
            var path = Path.Combine(manifest.Directory, entry.File);
            if (!fileSystem.FileExists(path))
            {
                problems.Add($"{entry.File}: listed in manifest.json but missing from {manifest.Directory}");
                continue;
            }

            var (files, problem) = UnifiedDiffParser.Parse(fileSystem.ReadAllBytes(path), entry.File);
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }

            parsed[entry.File] = files;
            foreach (var file in files)
            {
                var guard = PathGuard.Problem(root, file.Path)
                    ?? (file.Path.Split('/')[0] == CheckpointStore.StateFolder ? $"a path inside {CheckpointStore.StateFolder}/, where the tool keeps its checkpoints" : null);
                if (guard is not null)
                    problems.Add($"{entry.File}: refused to touch '{file.Path}': {guard}");
            }

            var listed = entry.Files.Order(StringComparer.Ordinal).ToList();
            var actual = files.Select(f => f.Path).Order(StringComparer.Ordinal).ToList();
            if (!listed.SequenceEqual(actual, StringComparer.Ordinal))
                problems.Add($"{entry.File}: manifest.json lists [{string.Join(", ", listed)}] but the patch changes [{string.Join(", ", actual)}]; the set was edited by hand");
        }

        return (parsed, problems);
    }

    private (Dictionary<string, byte[]?> Current, List<string> Problems) CheckBaseline(
        string root, PatchSetManifest manifest, ImmutableArray<PatchSetEntry> selected, Dictionary<string, ImmutableArray<DiffFile>> parsed, List<string> touched)
    {
        var current = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var path in touched)
        {
            if (!manifest.Baseline.TryGetValue(path, out var expected))
            {
                var patch = selected.First(e => parsed[e.File].Any(f => f.Path == path)).File;
                problems.Add($"  {path}: changed by {patch} but missing from the manifest's baseline, so it cannot be checked; the set was edited by hand");
                continue;
            }

            var full = Path.Combine(root, path);
            if (fileSystem.FileExists(full))
            {
                var bytes = fileSystem.ReadAllBytes(full);
                current[path] = bytes;
                var sha = CheckpointStore.Sha256(bytes);
                if (expected is null)
                    problems.Add($"  {path}: exists now, but the patch set creates it");
                else if (!string.Equals(sha, expected, StringComparison.OrdinalIgnoreCase))
                    problems.Add($"  {path}: changed since fix (sha256 {sha[..12]}…, the patch set was made from {expected[..Math.Min(12, expected.Length)]}…)");
            }
            else if (fileSystem.EntryExists(full))
            {
                problems.Add($"  {path}: is now a folder or a link, not a file");
            }
            else
            {
                current[path] = null;
                if (expected is not null)
                    problems.Add($"  {path}: deleted since fix");
            }
        }

        return (current, problems);
    }

    private static (Dictionary<string, byte[]?> After, Dictionary<string, string> CreateModes, List<string> Problems) ApplyInMemory(
        ImmutableArray<PatchSetEntry> selected, Dictionary<string, ImmutableArray<DiffFile>> parsed, Dictionary<string, byte[]?> current)
    {
        var state = new Dictionary<string, byte[]?>(current, StringComparer.Ordinal);
        var createModes = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var entry in selected)
        {
            foreach (var file in parsed[entry.File])
            {
                var (after, problem) = UnifiedDiffApplier.Apply(file, state[file.Path]);
                if (problem is not null)
                {
                    problems.Add($"{entry.File} does not apply: {problem}");
                    continue;
                }

                state[file.Path] = after;
                if (file.Kind == DiffKind.Create)
                    createModes[file.Path] = file.Mode ?? "100644";
            }
        }

        return (state, createModes, problems);
    }

    /// <summary>
    /// Folders to create for new files (outermost first) and folders deletions leave empty, which <c>git apply</c> removes
    /// too (innermost first), each recorded with its mode so rollback can put it back.
    /// </summary>
    private (ImmutableArray<CheckpointDirectory> Created, ImmutableArray<CheckpointDirectory> Removed, List<string> Problems) PlanFolders(
        string root, List<string> plan, Dictionary<string, byte[]?> current, Dictionary<string, byte[]?> after)
    {
        var problems = new List<string>();
        var created = new List<string>();
        foreach (var path in plan.Where(p => current[p] is null))
        {
            var segments = path.Split('/');
            for (var i = 1; i < segments.Length; i++)
            {
                var folder = string.Join('/', segments.Take(i));
                var full = Path.Combine(root, folder);
                if (fileSystem.DirectoryExists(full) || created.Contains(folder))
                    continue;
                if (fileSystem.EntryExists(full))
                    problems.Add($"'{path}' cannot be created: '{folder}' is a file or a link, not a folder");
                else
                    created.Add(folder);
            }
        }

        var deleted = plan.Where(p => current[p] is not null && after[p] is null).Select(p => Path.Combine(root, p)).ToHashSet(StringComparer.Ordinal);
        var landing = plan.Where(p => after[p] is not null).ToList();
        var removing = new HashSet<string>(StringComparer.Ordinal);
        var removed = new List<CheckpointDirectory>();
        var candidates = deleted.SelectMany(Ancestors).Distinct().OrderByDescending(f => f.Count(c => c == '/')).ThenBy(f => f, StringComparer.Ordinal);
        foreach (var folder in candidates)
        {
            var relative = Path.GetRelativePath(root, folder).Replace('\\', '/');
            if (landing.Any(p => p.StartsWith(relative + "/", StringComparison.Ordinal)))
                continue;
            if (fileSystem.EnumerateEntries(folder).All(e => deleted.Contains(e) || removing.Contains(e)))
            {
                removing.Add(folder);
                removed.Add(new CheckpointDirectory(relative, CheckpointStore.ModeText(fileSystem.GetMode(folder))));
            }
        }

        return ([.. created.Select(c => new CheckpointDirectory(c, null))], [.. removed], problems);

        IEnumerable<string> Ancestors(string file)
        {
            for (var folder = Path.GetDirectoryName(file); folder is not null && folder.Length > root.Length; folder = Path.GetDirectoryName(folder))
                yield return folder;
        }
    }

    /// <summary>Changes the tree (stage every file, then rename or delete each, then flush the folders); null on success, else what failed.</summary>
    private string? Execute(string root, Checkpoint checkpoint, Dictionary<string, byte[]?> after, Dictionary<string, string> createModes)
    {
        var step = "creating folders";
        try
        {
            foreach (var folder in checkpoint.CreatedDirectories)
                fileSystem.CreateDirectory(Path.Combine(root, folder.Path));

            for (var i = 0; i < checkpoint.Files.Length; i++)
            {
                var file = checkpoint.Files[i];
                if (after[file.Path] is not { } bytes)
                    continue;
                step = $"staging the new content of '{file.Path}'";
                var temp = CheckpointRestorer.TempPath(root, file.Path, checkpoint.Id, i);
                if (file.ExistedBefore)
                {
                    fileSystem.WriteNew(temp, bytes, CheckpointStore.ParseMode(file.Mode!));
                }
                else
                {
                    // A new file gets the process's default mode (umask), as git apply gives it; 100755 adds x where r is.
                    fileSystem.WriteNew(temp, bytes, null);
                    if (createModes.GetValueOrDefault(file.Path) == "100755")
                    {
                        var mode = fileSystem.GetMode(temp);
                        fileSystem.SetMode(temp, mode | (UnixFileMode)(((int)mode & 0b100_100_100) >> 2) & ExecuteBits);
                    }
                }
            }

            for (var i = 0; i < checkpoint.Files.Length; i++)
            {
                var file = checkpoint.Files[i];
                var full = Path.Combine(root, file.Path);
                step = file.ExistsAfter ? $"renaming the new '{file.Path}' into place" : $"deleting '{file.Path}'";
                if (file.ExistsAfter)
                    fileSystem.Rename(CheckpointRestorer.TempPath(root, file.Path, checkpoint.Id, i), full);
                else
                    fileSystem.DeleteFile(full);
            }

            foreach (var folder in checkpoint.RemovedDirectories)
            {
                step = $"removing the emptied folder '{folder.Path}'";
                fileSystem.DeleteEmptyDirectory(Path.Combine(root, folder.Path));
            }

            step = "flushing the changed folders";
            var parents = checkpoint.Files.Select(f => f.Path)
                .Concat(checkpoint.CreatedDirectories.Select(d => d.Path))
                .Concat(checkpoint.RemovedDirectories.Select(d => d.Path))
                .Select(p => Path.GetDirectoryName(Path.Combine(root, p))!)
                .Distinct(StringComparer.Ordinal)
                .Where(fileSystem.DirectoryExists);
            foreach (var folder in parents)
                fileSystem.FlushDirectory(folder);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{step} failed: {e.Message}";
        }
    }

    private ApplyOutcome Undo(string root, CheckpointStore store, Checkpoint checkpoint, ImmutableArray<PatchSetEntry> selected, ApplyStatus status, string reason)
    {
        try
        {
            CheckpointRestorer.Restore(root, checkpoint, store, fileSystem);
            var rolledBack = checkpoint with { State = CheckpointState.RolledBack, Reason = reason };
            store.Save(rolledBack);
            return new ApplyOutcome(status, rolledBack, selected, [reason, $"every touched file was restored from checkpoint {checkpoint.Id}; the tree is as it was before the apply"], []);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return new ApplyOutcome(ApplyStatus.FailedNeedsRollback, checkpoint, selected, [
                reason,
                $"restoring from checkpoint {checkpoint.Id} failed too ({e.Message}); the tree may be half changed: fix the cause (disk space, permissions) and run 'consolidate-analyze rollback {checkpoint.Id}'",
            ], []);
        }
    }
}
