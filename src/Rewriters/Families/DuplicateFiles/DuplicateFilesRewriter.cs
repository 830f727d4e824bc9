using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Model;

namespace Consolidate.Rewriters.Families.DuplicateFiles;

/// <summary>
/// Folds byte-identical copies of Dockerfiles, scripts and Python files (file-scope exact clone classes, CONS201) into
/// the canonical copy the clone index chose: every reference into a copy is repointed at the canonical copy with a
/// text edit at its exact span (<see cref="CopyPlanner"/>), then the copy is deleted. A copy is kept, with the reasons,
/// when anything about it cannot be proven equivalent. Python classes named in consolidate.yml <c>modules:</c> are left
/// to module-migration, and a Python copy that is imported is refused (imports are module-migration's job). Renamed and
/// near clones, and exact classes whose copies are not byte-identical, are shown in SUMMARY.md and never patched.
/// </summary>
public sealed class DuplicateFilesRewriter : IRewriter
{
    public const string Name = "duplicate-files";

    public string Family => Name;

    public ImmutableArray<string> RuleIds { get; } = ["CONS201"];

    public ChangeSet Rewrite(FixContext context, CancellationToken cancellationToken)
    {
        var model = context.Model;
        var reported = context.FindingsOf("CONS201").Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        var clusters = model.Clusters
            .Where(c => c.Scope == CloneScope.File && reported.Contains(c.CanonicalMember.Path))
            .OrderBy(c => c.CanonicalMember.Path, StringComparer.Ordinal)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var refusals = new List<Refusal>();
        var report = new StringBuilder();
        var candidates = new List<(CloneCluster Cluster, string Duplicate)>();
        var migrated = context.Config.Modules.SelectMany(m => m.Duplicates.Add(m.Canonical).Select(p => (Path: p, m.Line))).ToList();

        foreach (var cluster in clusters)
        {
            var canonical = cluster.CanonicalMember.Path;
            var others = cluster.Members.Where(m => m.Path != canonical).Select(m => m.Path).ToList();
            void ShowOnly(string path, string why) => refusals.Add(new Refusal(Name, path, 1, $"shown only, never patched: {why}"));

            if (cluster.Language is not (Language.Dockerfile or Language.Shell or Language.Python))
            {
                others.ForEach(p => ShowOnly(p, $"a copy of {canonical} ({cluster.Language.ToString().ToLowerInvariant()}); duplicate-files merges Dockerfiles, scripts and Python files only"));
                continue;
            }

            if (cluster.Language == Language.Python && migrated.FirstOrDefault(m => cluster.Members.Any(c => c.Path == m.Path)) is { Path: not null } rule)
            {
                others.ForEach(p => refusals.Add(new Refusal(Name, p, 1, $"left to module-migration: {rule.Path} is named in {context.Config.Source ?? "consolidate.yml"} modules (line {rule.Line}), which rewrites the imports")));
                continue;
            }

            if (cluster.Kind != CloneKind.Exact)
            {
                var similar = cluster.Kind == CloneKind.Near ? $", {cluster.Similarity.ToString("P0", CultureInfo.InvariantCulture)} similar" : "";
                others.ForEach(p => ShowOnly(p, $"a {cluster.Kind.ToString().ToLowerInvariant()} clone of {canonical} (class {cluster.Id}{similar}); the copies differ, so merging them is a decision for a person"));
                continue;
            }

            foreach (var duplicate in others)
            {
                if (!context.Disk.TryGetValue(duplicate, out var mine) || !context.Disk.TryGetValue(canonical, out var theirs))
                    refusals.Add(new Refusal(Name, duplicate, 1, $"{duplicate} is kept: its bytes and mode were not read, so it cannot be proven a copy of {canonical}"));
                else if (mine.Sha256 != theirs.Sha256)
                    ShowOnly(duplicate, $"an exact clone of {canonical} up to line endings, trailing white space or comments, but not byte-identical, so deleting it would change bytes");
                else
                    candidates.Add((cluster, duplicate));
            }
        }

        var mentions = new PathMentions(model, candidates.Select(c => RepoPath.FileName(c.Duplicate)).ToHashSet(StringComparer.Ordinal), cancellationToken);
        var copies = candidates.ToDictionary(c => c.Duplicate, c => c.Cluster.CanonicalMember.Path, StringComparer.Ordinal);
        var planner = new CopyPlanner(model, context.Disk, new BuildInputs(model), mentions, copies);
        var plans = new List<CopyPlan>();
        foreach (var (cluster, duplicate) in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            plans.Add(planner.Plan(cluster, duplicate));
        }

        var outcomes = new Dictionary<string, string>(StringComparer.Ordinal);
        var deleted = plans.Where(p => p.Problems.Count == 0).Select(p => p.Duplicate).ToHashSet(StringComparer.Ordinal);
        var edits = new SortedDictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        var files = new List<FileChange>();
        foreach (var plan in plans)
        {
            if (plan.Problems.Count > 0)
            {
                foreach (var (path, line, reason) in plan.Problems.Distinct())
                    refusals.Add(new Refusal(Name, path, line, $"{plan.Duplicate} is kept (a byte-identical copy of {plan.Canonical}): {reason}"));
                outcomes[plan.Duplicate] = $"kept, {plan.Problems.Distinct().Count()} problem(s) listed as refusals";
                continue;
            }

            foreach (var (path, edit) in plan.Edits.Where(e => !deleted.Contains(e.Path)))
            {
                if (!edits.TryGetValue(path, out var list))
                    edits[path] = list = [];
                if (!list.Any(e => e.Start < edit.End + (edit.Length == 0 ? 1 : 0) && edit.Start < e.End + (e.Length == 0 ? 1 : 0)))
                    list.Add(edit);
            }

            var safety = plan.Edits.Count == 0 ? FixSafety.Safe : plan.Edits.Min(e => e.Edit.Safety);
            var note = plan.Edits.Count == 0
                ? $"{plan.Duplicate} deleted: byte-identical to {plan.Canonical}, and nothing in the repository refers to it (no reference, no build input, no mention outside documentation)"
                : $"{plan.Duplicate} deleted: byte-identical to {plan.Canonical}; its {plan.Edits.Count} reference(s) now point at {plan.Canonical}"
                    + (safety == FixSafety.Safe ? "" : " through edits that are unsafe, so the deletion is unsafe too");
            files.Add(FileChange.Delete(plan.Duplicate, safety, note));
            outcomes[plan.Duplicate] = plan.Edits.Count == 0 ? "no reference, deleted" : $"{plan.Edits.Count} reference(s) repointed, deleted";
        }

        foreach (var cluster in candidates.Select(c => c.Cluster).Distinct())
        {
            report.Append("  ").Append(cluster.CanonicalMember.Path).Append(" is kept (").Append(cluster.CanonicalReason).Append("; class ").Append(cluster.Id).Append(")\n");
            foreach (var (_, duplicate) in candidates.Where(c => c.Cluster == cluster))
                report.Append("    ").Append(duplicate).Append(": ").Append(outcomes[duplicate]).Append('\n');
        }

        files.AddRange(edits.Select(e => FileChange.Edit(e.Key, e.Value)));
        var sorted = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToImmutableArray();
        return new ChangeSet(Name, RuleIds, sorted, ChangeSet.Sorted(refusals), "fold byte-identical copies into their canonical file", Explain(report)).Validated();
    }

    private static string Explain(StringBuilder report) => new StringBuilder()
        .Append("Deletes byte-identical copies of Dockerfiles, scripts and Python files (CONS201 exact file clones) and points\n")
        .Append("every reference at the copy the clone index keeps:\n")
        .Append(report)
        .Append("Each reference is edited at its exact span, and only its path changes: compose 'dockerfile:' names the canonical\n")
        .Append("Dockerfile relative to the unchanged build context (compose resolves it from the context; BuildKit reads a\n")
        .Append("Dockerfile outside it), so every COPY sees the same files; a COPY source names the canonical copy inside the same\n")
        .Append("build context; a shell path keeps its anchor ($(dirname \"$0\"), a variable, an install root) and only its literal\n")
        .Append("tail changes. A copy nothing refers to is deleted as it is. A copy is kept, with the reasons listed as refusals,\n")
        .Append("when a folder COPY, a glob or a bind mount holds it (the image or container would change), the canonical copy is\n")
        .Append("outside the build context, a dynamic path may name it, a string or configuration file names it, an absolute path\n")
        .Append("outside the repository may run an installed copy, it depends on its own folder, the modes differ, or a reference\n")
        .Append("has no rewriter (Python imports are module-migration's). Paths relative to an unknown working folder are\n")
        .Append("unsafe edits (--unsafe), and so is the deletion that depends on them.")
        .ToString();
}
