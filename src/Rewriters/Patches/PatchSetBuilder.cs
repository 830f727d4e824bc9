using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Consolidate.Analyzers.Engine;
using Consolidate.Rewriters.Validation;

#pragma warning disable RS0030 // Patches/ reads the files a patch edits and writes the patch set (BannedSymbols.IO.txt)

namespace Consolidate.Rewriters.Patches;

/// <summary>
/// The shared back end of <c>fix</c>: runs each family's rewriter on the scanned model, keeps the changes at the
/// requested safety, turns them into bytes in each file's own encoding, renders the patch, checks it on a scratch copy
/// (<see cref="ScratchValidator"/>) and collects the patch set. Reads the repository; writes only its scratch copy.
/// Once a patch is accepted, later families see the tree with it applied (the scratch copy and its scan), so two
/// families touching the same file render patches that apply one after the other.
/// </summary>
public static class PatchSetBuilder
{
    public static PatchSet Build(string root, AnalysisResult scan, RepositoryAnalyzer analyzer, FixOptions options, CancellationToken cancellationToken)
    {
        root = Path.GetFullPath(root);
        var families = RewriterSet.All.Where(r => options.Only.IsDefaultOrEmpty || options.Only.Contains(r.Family, StringComparer.Ordinal)).ToList();
        var patches = ImmutableArray.CreateBuilder<PlannedPatch>();
        var refused = new List<Refusal>();
        var baseline = new SortedDictionary<string, string?>(StringComparer.Ordinal);

        using var validator = new ScratchValidator(root, analyzer, cancellationToken);
        foreach (var rewriter in families)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (state, stateRoot) = patches.Count == 0 ? (scan, root) : (validator.Current, validator.Root);
            var context = FixContext.From(state) with { Disk = DiskFiles.Read(stateRoot, state.Model) };
            var changes = rewriter.Rewrite(context, cancellationToken).Filter(options.Minimum);
            refused.AddRange(changes.Refusals);

            var filePatches = new List<FilePatch>();
            var hashes = new Dictionary<string, string?>(StringComparer.Ordinal);
            var created = new HashSet<string>(StringComparer.Ordinal);
            foreach (var change in changes.Files)
            {
                var (patch, hash, problem) = Prepare(root, stateRoot, state, change);
                if (problem is not null)
                {
                    refused.Add(new Refusal(changes.Family, change.Path, change.Edits.IsEmpty ? 1 : change.Edits[0].Line, problem));
                    continue;
                }

                filePatches.Add(patch!);
                hashes[change.Path] = hash;
                if (change.Kind == FileChangeKind.Create)
                    created.Add(change.Path);
            }

            if (filePatches.Count == 0)
                continue;

            var touched = filePatches.Select(p => p.Path).OrderBy(p => p, StringComparer.Ordinal).ToImmutableArray();
            var trial = PatchRenderer.Render(changes.Explanation, filePatches);
            var outcome = validator.Validate(trial, touched, created, changes.RuleIds);
            if (!outcome.Passed)
            {
                var failures = string.Join("; ", outcome.Checks.Where(c => !c.Passed).Select(c => $"check '{c.Name}' failed: {c.Detail}"));
                foreach (var change in changes.Files.Where(c => touched.Contains(c.Path)))
                    refused.Add(new Refusal(changes.Family, change.Path, change.Edits.IsEmpty ? 1 : change.Edits[0].Line, failures));
                continue;
            }

            var number = patches.Count + 1;
            var fileName = $"{number:00}-{changes.Family}.patch";
            var summary = Summarize(changes, touched);
            var content = PatchRenderer.Render(Preamble(changes, summary, outcome, touched), filePatches);
            patches.Add(new PlannedPatch(fileName, changes.Family, changes.RuleIds, touched, summary, outcome.Checks, content));
            foreach (var (path, hash) in hashes)
                baseline.TryAdd(path, hash);
        }

        return new PatchSet(
            options.RepoDisplay,
            patches.ToImmutable(),
            ChangeSet.Sorted(refused),
            baseline.ToImmutableSortedDictionary(StringComparer.Ordinal),
            RepositoryMetrics.Of(validator.Baseline),
            RepositoryMetrics.Of(validator.Current));
    }

    private static (FilePatch? Patch, string? Hash, string? Problem) Prepare(string root, string stateRoot, AnalysisResult scan, FileChange change)
    {
        var guard = PathGuard.Problem(root, change.Path);
        if (guard is not null)
            return (null, null, $"refused to touch '{change.Path}': {guard}");

        var full = Path.Combine(stateRoot, change.Path);
        if (change.Kind == FileChangeKind.Create)
        {
            if (File.Exists(full) || Directory.Exists(full))
                return (null, null, $"'{change.Path}' already exists; it would be overwritten");
            return (new FilePatch(change.Path, null, FileContents.New(change.NewContent ?? "")), null, null);
        }

        if (!File.Exists(full))
            return (null, null, $"'{change.Path}' no longer exists");
        var original = File.ReadAllBytes(full);
        var mode = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(full) & UnixFileMode.UserExecute) != 0 ? "100755" : "100644";
        var hash = Convert.ToHexStringLower(SHA256.HashData(original));
        if (change.Kind == FileChangeKind.Delete)
            return (new FilePatch(change.Path, original, null, mode), hash, null);

        var text = scan.Model.File(change.Path)?.Text?.Text;
        if (text is null)
            return (null, null, $"'{change.Path}' has no scanned text to edit");
        var (edited, problem) = FileContents.Apply(original, text, change.Edits);
        return problem is not null ? (null, null, problem) : (new FilePatch(change.Path, original, edited, mode), hash, null);
    }

    private static string Summarize(ChangeSet changes, ImmutableArray<string> touched)
    {
        var kept = changes.Files.Where(f => touched.Contains(f.Path)).ToList();
        var parts = new List<string>();
        var edits = kept.Sum(f => f.Edits.Length);
        if (edits > 0)
            parts.Add($"{edits} edit(s) in {kept.Count(f => f.Kind == FileChangeKind.Edit)} file(s)");
        var created = kept.Count(f => f.Kind == FileChangeKind.Create);
        if (created > 0)
            parts.Add($"{created} new file(s)");
        var deleted = kept.Count(f => f.Kind == FileChangeKind.Delete);
        if (deleted > 0)
            parts.Add($"{deleted} deleted file(s)");
        return $"{changes.Summary}: {string.Join(", ", parts)}";
    }

    private static string Preamble(ChangeSet changes, string summary, ValidationOutcome outcome, ImmutableArray<string> touched)
    {
        var b = new StringBuilder();
        b.Append(changes.Family).Append(": ").Append(summary).Append(" (").Append(string.Join(", ", changes.RuleIds)).Append(")\n\n");
        b.Append(changes.Explanation.TrimEnd()).Append("\n\n");
        b.Append("Files: ").Append(string.Join(", ", touched)).Append('\n');
        b.Append("Checked on a scratch copy of the repository before writing:\n");
        foreach (var check in outcome.Checks)
            b.Append("  [").Append(check.Passed ? "passed" : "FAILED").Append("] ").Append(check.Name).Append(": ").Append(check.Detail).Append('\n');
        if (!changes.Refusals.IsEmpty)
            b.Append("Refused (not in this patch): ").Append(changes.Refusals.Length).Append(", listed in manifest.json and SUMMARY.md.\n");
        b.Append("Apply from the repository root with: git apply ").Append("<this file>").Append("  (or patch -p1 < <this file>)");
        return b.ToString();
    }
}
