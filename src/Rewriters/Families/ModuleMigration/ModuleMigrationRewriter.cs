using System.Collections.Immutable;
using System.Text;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.References;

namespace Consolidate.Rewriters.Families.ModuleMigration;

/// <summary>
/// Folds duplicate Python modules into one canonical module (consolidate.yml <c>modules:</c>, the BaseAgent case). Every
/// import that resolves to a duplicate (the reference graph's Python edges, matched to their import facts for exact
/// spans) is repointed by editing only its module path: relative imports become absolute, aliases, parentheses and
/// comments stay. A site is refused when it takes a name the canonical module does not define, when the new name would
/// not resolve to the canonical from where it stands, when an image holding the importer lacks the canonical, or when
/// its spelling cannot be rewritten in place (a plain <c>import a.b.m</c> without alias, <c>__import__</c>). Statement
/// imports are Safe; string references (mock.patch, import_module) Unsafe. A duplicate is deleted only when every
/// reference to it was repointed (Safe only when every repointing edit is), or replaced by a re-export shim with
/// <c>rules: {CONS201: {shim: true}}</c>; any refused site keeps it as it is.
/// </summary>
public sealed class ModuleMigrationRewriter : IRewriter
{
    public const string Name = "module-migration";

    /// <summary>The option (<c>rules: {CONS201: {shim: true}}</c> in consolidate.yml) that replaces duplicates by re-export shims instead of deleting them.</summary>
    public const string ShimOption = "shim";

    public string Family => Name;

    public ImmutableArray<string> RuleIds { get; } = ["CONS201"];

    public ChangeSet Rewrite(FixContext context, CancellationToken cancellationToken)
    {
        var config = context.Config;
        if (config.Modules.IsEmpty)
            return new ChangeSet(Name, RuleIds, ImmutableArray<FileChange>.Empty, ImmutableArray<Refusal>.Empty, "fold duplicate modules", "No modules are configured (consolidate.yml modules:).");

        var model = context.Model;
        var family = PatchFamily(config.Modules);
        var shim = config.RuleOption("CONS201", ShimOption) is { } value && value.Trim().ToLowerInvariant() is "true" or "yes" or "on" or "1";
        var paths = model.Files.Select(f => f.Path).ToImmutableArray();
        var resolver = new PythonModuleResolver(new RepositoryPaths(paths));
        var images = new DockerImages(model.References);
        var python = model.Files
            .Where(f => f.Language == Language.Python && f.Text is not null && f.FactsAs<PythonFacts>() is not null)
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var run = new Run(family, config.Source ?? "consolidate.yml", shim);

        foreach (var rule in config.Modules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Migrate(rule, model, paths, resolver, images, python, run, cancellationToken);
        }

        var files = run.Edits
            .Where(e => !run.WholeFiles.ContainsKey(e.Key))
            .Select(e => FileChange.Edit(e.Key, e.Value.Values))
            .Concat(run.WholeFiles.Values)
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToImmutableArray();
        var explanation = new StringBuilder()
            .Append("Folds duplicate Python modules into one canonical module (consolidate.yml modules).\n")
            .Append(run.Report)
            .Append("Every import that resolves to a duplicate (reference graph, Python import edges) is repointed by editing only its\n")
            .Append("module path: relative imports become absolute; aliases, parentheses, comments and line breaks stay. A site is\n")
            .Append("refused when it takes a name the canonical module does not define, when the new name would not resolve to the\n")
            .Append("canonical module from the importing file, when a Docker image holding the importer and the duplicate lacks the\n")
            .Append("canonical module, or when its spelling cannot be rewritten in place (plain 'import a.b.m' without alias,\n")
            .Append("__import__). Statement imports are safe edits; string references (mock.patch, importlib.import_module) are unsafe\n")
            .Append("and included only with --unsafe. A duplicate is deleted only when every reference to it was repointed (the\n")
            .Append("deletion is as safe as the least safe of those edits); any refused site keeps it unchanged. With\n")
            .Append("'rules: {CONS201: {shim: true}}' in consolidate.yml a duplicate becomes a re-export shim instead of being deleted.")
            .ToString();
        return new ChangeSet(family, RuleIds, files, ChangeSet.Sorted(run.Refusals), "fold duplicate modules into their canonical module", explanation).Validated();
    }

    /// <summary>The name the patch file carries: <c>module-migration-&lt;canonical stem&gt;</c> (contract: 01-module-migration-base_agent.patch).</summary>
    public static string PatchFamily(ImmutableArray<ModuleRule> rules) =>
        rules.IsEmpty
            ? Name
            : Name + "-" + string.Join("-", rules.Select(r => System.IO.Path.GetFileNameWithoutExtension(r.Canonical)).Distinct(StringComparer.Ordinal));

    private static void Migrate(
        ModuleRule rule,
        RepositoryModel model,
        ImmutableArray<string> paths,
        PythonModuleResolver resolver,
        DockerImages images,
        List<FileModel> python,
        Run run,
        CancellationToken cancellationToken)
    {
        var canonicalFile = model.File(rule.Canonical);
        if (canonicalFile?.FactsAs<PythonFacts>() is not { } canonicalFacts || canonicalFile.Text is null)
        {
            run.Refuse(run.ConfigPath, rule.Line, canonicalFile is null
                ? $"modules: the canonical module '{rule.Canonical}' does not exist (or is excluded); nothing was migrated to it"
                : $"modules: the canonical module '{rule.Canonical}' could not be parsed ({canonicalFile.Reason ?? canonicalFile.Status.ToString().ToLowerInvariant()}); nothing was migrated to it");
            return;
        }

        var (name, nameReason) = CanonicalName(rule.Canonical, resolver, python);
        if (name is null)
        {
            run.Refuse(run.ConfigPath, rule.Line, $"modules: '{rule.Canonical}' has no importable dotted name (a folder on its path is not a Python identifier); nothing was migrated to it");
            return;
        }

        var canonical = new CanonicalModule(rule.Canonical, name, nameReason,
            canonicalFacts.TopLevelNames.ToImmutableHashSet(StringComparer.Ordinal),
            canonicalFacts.Imports.Any(i => i.Style == ImportStyle.From && i.Names.Any(n => n.Name == "*")));
        var duplicates = rule.Duplicates.IsEmpty ? DuplicateFinder.Find(model, canonicalFile) : Listed(rule, model, run);
        run.Report.Append("  canonical ").Append(canonical.Path).Append(", imported as '").Append(canonical.Name).Append("' (").Append(nameReason).Append(")\n");
        if (duplicates.IsEmpty)
        {
            run.Report.Append("    no duplicate ").Append(rule.Duplicates.IsEmpty ? "found (same file name and main definitions, or a file-scope clone)" : "left to migrate").Append('\n');
            return;
        }

        var sites = duplicates.ToDictionary(d => d.Path, d => Sites(d.Path, resolver, python), StringComparer.Ordinal);
        var others = duplicates.ToDictionary(
            d => d.Path,
            d => model.References.To(d.Path).Where(r => r.Kind != ReferenceKind.PythonImport).ToList(),
            StringComparer.Ordinal);
        var names = duplicates.ToDictionary(
            d => d.Path,
            d => PublicSurface(model.File(d.Path)!.FactsAs<PythonFacts>()!),
            StringComparer.Ordinal);

        // Plan against the tree as it will be: duplicates about to be deleted are gone, so a name they shadowed reaches
        // the canonical. A refused site keeps its duplicate, which may shadow other sites: repeat until nothing changes.
        var gone = run.Shim
            ? new HashSet<string>(StringComparer.Ordinal)
            : duplicates.Select(d => d.Path).Where(d => others[d].Count == 0).ToHashSet(StringComparer.Ordinal);
        Dictionary<string, List<SitePlan>> plans;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var after = new PythonModuleResolver(new RepositoryPaths(paths.Where(p => !gone.Contains(p))));
            var planner = new SitePlanner(canonical, after, images);
            var removed = gone;
            plans = duplicates.ToDictionary(
                d => d.Path,
                d => Couple(sites[d.Path].Where(s => !removed.Contains(s.File.Path)).Select(s => planner.Plan(s, names[d.Path])).ToList()),
                StringComparer.Ordinal);
            var next = gone.Where(d => plans[d].All(p => !p.Refused && p.Safety == FixSafety.Safe)).ToHashSet(StringComparer.Ordinal);
            if (next.Count == gone.Count)
                break;
            gone = next;
        }

        foreach (var (duplicate, reason) in duplicates)
        {
            var duplicateFile = model.File(duplicate)!;
            var planned = plans[duplicate];
            var refused = planned.Count(p => p.Refused);
            foreach (var plan in planned)
            {
                if (plan.Refused)
                    run.Refuse(plan.Site.File.Path, plan.Site.Line, $"import of {duplicate} not repointed to '{canonical.Name}': {plan.Refusal}");
                else
                    foreach (var edit in plan.Edits)
                        run.Add(plan.Site.File.Path, edit);
            }

            foreach (var reference in others[duplicate])
                run.Refuse(reference.Source, reference.Line, $"{Kind(reference.Kind)} reference '{reference.Written}' to {duplicate} is not repointed (this family rewrites Python imports only), so {duplicate} is kept; point it at {canonical.Path} by hand");

            var unmatched = model.References.To(duplicate)
                .Where(r => r.Kind == ReferenceKind.PythonImport && !sites[duplicate].Any(s => s.File.Path == r.Source && s.Line == r.Line))
                .ToList();
            foreach (var reference in unmatched)
                run.Refuse(reference.Source, reference.Line, $"the import '{reference.Written}' resolves to {duplicate} but matches no import fact of {reference.Source}; edit it by hand");

            var rewritten = planned.Count - refused;
            var unsafeCount = planned.Count(p => !p.Refused && p.Safety < FixSafety.Safe);
            var identical = SameText(canonicalFile.Text.Text, duplicateFile.Text?.Text);
            run.Report.Append("  duplicate ").Append(duplicate).Append(": ").Append(reason).Append("; ")
                .Append(identical ? "identical to the canonical module" : $"differs from the canonical module ({duplicateFile.Lines} lines against {canonicalFile.Lines}): importers now run the canonical code")
                .Append('\n')
                .Append("    ").Append(planned.Count + others[duplicate].Count + unmatched.Count).Append(" reference(s): ")
                .Append(rewritten).Append(" import(s) rewritten").Append(unsafeCount > 0 ? $" ({unsafeCount} of them unsafe: string references, and imports tied to a mock.patch string)" : "")
                .Append(", ").Append(refused + others[duplicate].Count + unmatched.Count).Append(" refused; ");

            var missing = names[duplicate].Where(n => !n.StartsWith('_') && !canonical.Names.Contains(n)).Order(StringComparer.Ordinal).ToList();
            var blocked = refused + others[duplicate].Count + unmatched.Count;
            if (gone.Contains(duplicate) || (!run.Shim && blocked == 0))
            {
                var safety = gone.Contains(duplicate) ? FixSafety.Safe : FixSafety.Unsafe;
                run.Whole(FileChange.Delete(duplicate, safety,
                    $"{duplicate} deleted: every reference to it ({planned.Count}) now points at {canonical.Path}"
                    + (safety == FixSafety.Safe ? "" : " through string edits that are unsafe, so the deletion is unsafe too")
                    + (missing.Count > 0 ? $"; code outside the repository loses {string.Join(", ", missing)}, which only the duplicate defines" : "")));
                run.Report.Append(safety == FixSafety.Safe ? "deleted" : "deleted with --unsafe only").Append('\n');
            }
            else if (blocked > 0)
            {
                run.Refuse(duplicate, 1, $"{duplicate} is kept unchanged{(run.Shim ? " (no shim)" : "")}: {blocked} reference(s) to it were not repointed (listed with their reasons)");
                run.Report.Append("kept unchanged\n");
            }
            else if (resolver.ResolveAbsolute(canonical.Name, duplicate).Path is { } target && target != canonical.Path)
            {
                run.Refuse(duplicate, 1, $"no re-export shim: from {duplicate}, '{canonical.Name}' resolves to {target}, so the shim would import {(target == duplicate ? "itself" : target)}; {duplicate} is kept unchanged");
                run.Report.Append("kept unchanged (a shim could not import the canonical module)\n");
            }
            else
            {
                var text = duplicateFile.Text!.Text;
                var exported = names[duplicate].Where(canonical.Names.Contains);
                var shimText = ModuleShim.Text(canonical, duplicate, exported);
                if (text == shimText)
                {
                    run.Report.Append("already a re-export shim\n");
                    continue;
                }

                var safety = missing.Count == 0 && planned.All(p => p.Safety == FixSafety.Safe) ? FixSafety.Safe : FixSafety.Unsafe;
                run.Whole(FileChange.Edit(duplicate, [new TextEdit(0, text.Length, shimText, safety, 1,
                    $"{duplicate} replaced by a re-export shim of {canonical.Name}"
                    + (missing.Count > 0 ? $"; it no longer defines {string.Join(", ", missing)}, which the canonical module lacks" : "")
                    + (planned.Any(p => p.Safety < FixSafety.Safe) ? "; some references were repointed through unsafe string edits" : ""))]));
                run.Report.Append("replaced by a re-export shim").Append(safety == FixSafety.Safe ? "" : " (unsafe: --unsafe only)").Append('\n');
            }
        }
    }

    /// <summary>
    /// A mock.patch string names an object of the duplicate: the code under test must take that same object, so the
    /// imports of a duplicate move only together with its patch strings. When a patch string is refused, every other
    /// site of the duplicate is refused too; when it is an unsafe edit, every other edit becomes unsafe (a safe-only
    /// fix would leave the test patching the duplicate while the code runs the canonical module).
    /// </summary>
    private static List<SitePlan> Couple(List<SitePlan> plans)
    {
        var patches = plans.Where(p => p.Site.Import.Style == ImportStyle.MockPatch).ToList();
        if (patches.Count == 0)
            return plans;
        var refusedPatch = patches.FirstOrDefault(p => p.Refused);
        if (refusedPatch is not null)
        {
            return plans
                .Select(p => p.Refused || p.Site.Import.Style == ImportStyle.MockPatch
                    ? p
                    : SitePlan.Refuse(p.Site, $"{refusedPatch.Site.Where} patches '{refusedPatch.Site.Import.Module}' by string and that patch is not rewritten, "
                        + "so moving this import alone would make the patch miss the object the code uses"))
                .ToList();
        }

        var first = patches[0].Site.Where;
        return plans
            .Select(p => p.Refused || p.Site.Import.Style == ImportStyle.MockPatch
                ? p
                : p with
                {
                    Edits = p.Edits.Select(e => e with
                    {
                        Safety = FixSafety.Unsafe,
                        Note = e.Note + $"; unsafe because {first} patches the duplicate by string (an unsafe edit): without it the patch would miss the object the code uses",
                    }).ToImmutableArray(),
                })
            .ToList();
    }

    /// <summary>
    /// The names a module offers importers: its top-level names except the modules bound by plain <c>import x</c>
    /// statements (nobody imports <c>logging</c> from a base-agent module; names it takes with <c>from ... import</c> stay,
    /// since those are often re-exported on purpose).
    /// </summary>
    private static ImmutableHashSet<string> PublicSurface(PythonFacts facts)
    {
        var modules = facts.Imports
            .Where(i => i.Style == ImportStyle.Import && !i.InFunction)
            .Select(i => i.Alias ?? i.Module.Split('.')[0])
            .ToHashSet(StringComparer.Ordinal);
        return facts.TopLevelNames.Where(n => !modules.Contains(n)).ToImmutableHashSet(StringComparer.Ordinal);
    }

    private static ImmutableArray<(string Path, string Reason)> Listed(ModuleRule rule, RepositoryModel model, Run run)
    {
        var result = ImmutableArray.CreateBuilder<(string, string)>();
        foreach (var path in rule.Duplicates.Distinct(StringComparer.Ordinal))
        {
            var file = model.File(path);
            if (path == rule.Canonical)
                run.Refuse(run.ConfigPath, rule.Line, $"modules: '{path}' is listed as a duplicate of itself");
            else if (file is null)
                run.Refuse(run.ConfigPath, rule.Line, $"modules: nothing to migrate from '{path}': it does not exist (already folded, or excluded); remove it from the list");
            else if (file.Language != Language.Python || file.FactsAs<PythonFacts>() is null || file.Text is null)
                run.Refuse(run.ConfigPath, rule.Line, $"modules: the duplicate '{path}' is not a parsed Python module ({file.Reason ?? file.Status.ToString().ToLowerInvariant()})");
            else
                result.Add((path, $"listed in {run.ConfigPath} line {rule.Line}"));
        }

        return result.ToImmutable();
    }

    /// <summary>Every import fact that resolves to <paramref name="duplicate"/>, with the part of it that does.</summary>
    private static List<ImportSite> Sites(string duplicate, PythonModuleResolver resolver, List<FileModel> python)
    {
        var sites = new List<ImportSite>();
        foreach (var file in python)
        {
            foreach (var import in file.FactsAs<PythonFacts>()!.Imports)
            {
                foreach (var (written, path, _) in resolver.Resolve(import, file.Path))
                {
                    if (path == duplicate && !sites.Any(s => s.File == file && s.Import == import && s.Written == written))
                        sites.Add(new ImportSite(file, import, written, duplicate));
                }
            }
        }

        return sites;
    }

    /// <summary>
    /// The dotted name importers will use: among the names the canonical file has under the package roots, the one
    /// existing absolute imports already use most; else the one from the outermost root (<c>src/</c> before the repository root).
    /// </summary>
    private static (string? Name, string Reason) CanonicalName(string canonical, PythonModuleResolver resolver, List<FileModel> python)
    {
        var candidates = new List<(string Name, string Root)>();
        foreach (var root in resolver.Roots.Where(r => r.Length == 0 || canonical.StartsWith(r + "/", StringComparison.Ordinal)))
        {
            var relative = root.Length == 0 ? canonical : canonical[(root.Length + 1)..];
            relative = relative[..^3];
            if (relative.EndsWith("/__init__", StringComparison.Ordinal))
                relative = relative[..^9];
            var segments = relative.Split('/');
            if (segments.All(IsIdentifier))
                candidates.Add((string.Join('.', segments), root));
        }

        if (candidates.Count == 0)
            return (null, "");
        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in python)
        {
            foreach (var import in file.FactsAs<PythonFacts>()!.Imports.Where(i => i.Level == 0))
            {
                foreach (var (written, path, _) in resolver.Resolve(import, file.Path))
                {
                    if (path == canonical)
                        uses[written] = uses.GetValueOrDefault(written) + 1;
                }
            }
        }

        var best = candidates
            .OrderByDescending(c => uses.GetValueOrDefault(c.Name))
            .ThenBy(c => c.Root == "src" ? 0 : 1)
            .ThenBy(c => c.Root.Length)
            .First();
        var count = uses.GetValueOrDefault(best.Name);
        return (best.Name, count > 0
            ? $"{count} absolute import(s) already spell it so"
            : $"no absolute import names it yet; named from {(best.Root.Length == 0 ? "the repository root" : best.Root + "/")}");
    }

    private static bool IsIdentifier(string segment) =>
        segment.Length > 0 && !char.IsDigit(segment[0]) && segment.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static bool SameText(string a, string? b) => b is not null && Normalize(a) == Normalize(b);

    private static string Normalize(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).TrimEnd();

    private static string Kind(ReferenceKind kind) => kind switch
    {
        ReferenceKind.ComposeBuild => "compose build",
        ReferenceKind.DockerfileCopy => "Dockerfile COPY/ADD",
        ReferenceKind.ShellExec => "shell command",
        ReferenceKind.ShellSource => "shell source",
        ReferenceKind.Ci => "CI workflow",
        ReferenceKind.Cron => "crontab",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>What one Rewrite call collects across the configured modules.</summary>
    private sealed class Run(string family, string configPath, bool shim)
    {
        public string ConfigPath => configPath;

        public bool Shim => shim;

        public StringBuilder Report { get; } = new();

        public List<Refusal> Refusals { get; } = [];

        public SortedDictionary<string, SortedDictionary<int, TextEdit>> Edits { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<string, FileChange> WholeFiles { get; } = new(StringComparer.Ordinal);

        public void Refuse(string path, int line, string reason) => Refusals.Add(new Refusal(family, path, line, reason));

        public void Add(string path, TextEdit edit)
        {
            if (!Edits.TryGetValue(path, out var byStart))
                Edits[path] = byStart = [];
            var overlaps = byStart.Values.Any(e => e.Start < edit.End && edit.Start < e.End);
            if (!overlaps)
                byStart[edit.Start] = edit;
        }

        public void Whole(FileChange change) => WholeFiles[change.Path] = change;
    }
}
