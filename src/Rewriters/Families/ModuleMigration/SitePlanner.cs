using System.Collections.Immutable;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.References;

namespace Consolidate.Rewriters.Families.ModuleMigration;

/// <summary>
/// Decides, for one import site of a duplicate, the edits that repoint it at the canonical module or why it is refused.
/// Only the module path is edited (plus the imported name when the canonical's file name differs), so aliases,
/// parentheses, comments and line breaks stay. <paramref name="resolver"/> sees the tree as it will be after the change
/// (deleted duplicates gone), so a site is rewritten only when its new name resolves to the canonical from where it stands.
/// </summary>
internal sealed class SitePlanner(CanonicalModule canonical, PythonModuleResolver resolver, DockerImages images)
{
    public SitePlan Plan(ImportSite site, ImmutableHashSet<string> duplicateNames)
    {
        var problems = new List<string>();
        var plan = site.Import.Style switch
        {
            ImportStyle.Import => PlanImport(site, problems),
            ImportStyle.From when site.NamesModule => PlanFromModule(site, duplicateNames, problems),
            ImportStyle.From => PlanFromSubmodule(site, problems),
            ImportStyle.MockPatch => PlanMockPatch(site, problems),
            ImportStyle.ImportModuleCall => PlanImportModule(site, problems),
            _ => PlanDunderImport(site, problems),
        };

        if (Reachability(site) is { } unreachable)
            problems.Add(unreachable);
        if (images.Problem(site.File.Path, site.Duplicate, canonical.Path) is { } image)
            problems.Add(image);
        return problems.Count > 0 ? SitePlan.Refuse(site, string.Join("; ", problems)) : plan!;
    }

    private SitePlan? PlanImport(ImportSite site, List<string> problems)
    {
        var import = site.Import;
        if (!SliceIs(site, import.ModuleSpan, import.Module, problems))
            return null;
        if (import.Alias is null)
        {
            problems.Add($"'import {import.Module}' has no alias: it binds '{import.Module.Split('.')[0]}' and the code reaches the module as '{import.Module}.<name>', "
                + $"so every such use would need rewriting too, which this family does not do; write 'import {import.Module} as {LastSegment(import.Module)}' or edit it by hand");
            return null;
        }

        MissingAttributes(site, import.Alias, problems);
        return SitePlan.Rewrite(site, Edit(site, import.ModuleSpan.Start, import.ModuleSpan.Length, canonical.Name, FixSafety.Safe,
            $"'import {import.Module} as {import.Alias}' -> 'import {canonical.Name} as {import.Alias}'"));
    }

    private SitePlan? PlanFromModule(ImportSite site, ImmutableHashSet<string> duplicateNames, List<string> problems)
    {
        var import = site.Import;
        if (!SliceIs(site, import.ModuleSpan, site.Prefix, problems))
            return null;
        var star = import.Names.Any(n => n.Name == "*");
        var wanted = star
            ? duplicateNames.Where(n => !n.StartsWith('_')).Order(StringComparer.Ordinal).ToList()
            : import.Names.Select(n => n.Name).Distinct().ToList();
        var missing = wanted.Where(n => !canonical.Names.Contains(n)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(star
                ? $"'from {site.Prefix} import *' takes every public name of {site.Duplicate}, and {canonical.Path} does not define {Quote(missing)}{canonical.MissingHint}"
                : $"imports {Quote(missing)} from {site.Duplicate}, which {canonical.Path} does not define{canonical.MissingHint}; add {(missing.Count == 1 ? "it" : "them")} to the canonical module first");
            return null;
        }

        return SitePlan.Rewrite(site, Edit(site, import.ModuleSpan.Start, import.ModuleSpan.Length, canonical.Name, FixSafety.Safe,
            $"'from {site.Prefix} import ...' -> 'from {canonical.Name} import ...'"));
    }

    private SitePlan? PlanFromSubmodule(ImportSite site, List<string> problems)
    {
        var import = site.Import;
        var rest = site.Written[site.Prefix.Length..];
        var name = import.Module.Length > 0 && rest.StartsWith('.') ? rest[1..] : rest;
        var imported = import.Names.FirstOrDefault(n => n.Name == name);
        if (imported is null)
        {
            problems.Add($"'{site.Written}' does not match a name of the statement (the import could not be read back); edit it by hand");
            return null;
        }

        var others = import.Names.Where(n => n != imported).Select(n => n.Name).ToList();
        if (others.Count > 0)
        {
            problems.Add($"'from {site.Prefix} import ...' also imports {Quote(others)} from '{site.Prefix}', which would break if the module path changed; "
                + $"put '{name}' in a statement of its own first");
            return null;
        }

        if (canonical.Package.Length == 0)
        {
            problems.Add($"{canonical.Path} is a top-level module, so 'from {site.Prefix} import {name}' becomes 'import {canonical.Name}'; edit it by hand");
            return null;
        }

        if (!SliceIs(site, import.ModuleSpan, site.Prefix, problems))
            return null;
        var bound = imported.Alias ?? imported.Name;
        MissingAttributes(site, bound, problems);

        var edits = new List<TextEdit>
        {
            Edit(site, import.ModuleSpan.Start, import.ModuleSpan.Length, canonical.Package, FixSafety.Safe,
                $"'from {site.Prefix} import {name}' -> 'from {canonical.Package} import {canonical.Stem}{(bound == canonical.Stem ? "" : " as " + bound)}'"),
        };
        if (name != canonical.Stem)
        {
            var slice = site.File.Text!.Slice(imported.Span);
            if (!slice.StartsWith(name, StringComparison.Ordinal))
            {
                problems.Add($"the imported name '{name}' is not spelled as read (found '{slice}'); edit it by hand");
                return null;
            }

            edits.Add(Edit(site, imported.Span.Start, imported.Span.Length, $"{canonical.Stem} as {bound}", FixSafety.Safe,
                $"imported module '{slice}' -> '{canonical.Stem} as {bound}' (the canonical file has another name; the alias keeps '{bound}' bound)"));
        }

        return SitePlan.Rewrite(site, edits.ToArray());
    }

    private SitePlan? PlanMockPatch(ImportSite site, List<string> problems)
    {
        var import = site.Import;
        if (!SliceIs(site, import.ModuleSpan, import.Module, problems))
            return null;
        if (!import.Module.StartsWith(site.Written, StringComparison.Ordinal)
            || (import.Module.Length > site.Written.Length && import.Module[site.Written.Length] != '.'))
        {
            problems.Add($"the patch target '{import.Module}' does not start with the module '{site.Written}'; edit it by hand");
            return null;
        }

        var attribute = import.Module.Length > site.Written.Length ? import.Module[(site.Written.Length + 1)..].Split('.')[0] : null;
        if (attribute is not null && !canonical.Names.Contains(attribute))
        {
            problems.Add($"patches '{attribute}' of {site.Duplicate}, which {canonical.Path} does not define{canonical.MissingHint}");
            return null;
        }

        return SitePlan.Rewrite(site, Edit(site, import.ModuleSpan.Start, site.Written.Length, canonical.Name, FixSafety.Unsafe,
            $"string reference (patch target) '{import.Module}' -> '{canonical.Name}{import.Module[site.Written.Length..]}'; "
            + "a string may also be built, compared or logged elsewhere, and the test now patches the canonical module's object"));
    }

    private SitePlan? PlanImportModule(ImportSite site, List<string> problems)
    {
        var import = site.Import;
        if (!SliceIs(site, import.ModuleSpan, import.Module, problems))
            return null;
        return SitePlan.Rewrite(site, Edit(site, import.ModuleSpan.Start, import.ModuleSpan.Length, canonical.Name, FixSafety.Unsafe,
            $"string reference (import_module) '{import.Module}' -> '{canonical.Name}'; the names used through the returned module are not checked"));
    }

    private SitePlan? PlanDunderImport(ImportSite site, List<string> problems)
    {
        var import = site.Import;
        if (import.Module.Contains('.') || canonical.Name.Contains('.'))
        {
            problems.Add($"__import__(\"{import.Module}\") returns the top-level package '{import.Module.Split('.')[0]}' and the code walks attributes from it, "
                + $"so swapping in '{canonical.Name}' would change what it gets; use importlib.import_module(\"{canonical.Name}\") by hand");
            return null;
        }

        if (!SliceIs(site, import.ModuleSpan, import.Module, problems))
            return null;
        return SitePlan.Rewrite(site, Edit(site, import.ModuleSpan.Start, import.ModuleSpan.Length, canonical.Name, FixSafety.Unsafe,
            $"string reference (__import__) '{import.Module}' -> '{canonical.Name}'"));
    }

    /// <summary>Why the canonical name would not reach the canonical file from the importer after the change, or null.</summary>
    private string? Reachability(ImportSite site)
    {
        var (path, _) = resolver.ResolveAbsolute(canonical.Name, site.File.Path);
        if (path == canonical.Path)
            return null;
        if (path is null)
            return $"from {site.File.Path}, '{canonical.Name}' would not resolve to a repository module";
        var tail = canonical.Name.Replace('.', '/');
        var root = path.EndsWith("/" + tail + ".py", StringComparison.Ordinal) ? path[..^(tail.Length + 4)] : null;
        return $"from {site.File.Path}, '{canonical.Name}' resolves to {path}, not {canonical.Path}"
            + (root is null ? "" : $" (the package root '{root}' comes first for this file)")
            + "; point the code at the canonical module through its packaging (sys.path, PYTHONPATH) before migrating this import";
    }

    private void MissingAttributes(ImportSite site, string bound, List<string> problems)
    {
        var tokens = site.File.Tokens;
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 2 < tokens.Length; i++)
        {
            if (tokens[i].Kind != TokenKind.Identifier || tokens[i].Text != bound || tokens[i + 1].Text != "." || tokens[i + 2].Kind != TokenKind.Identifier)
                continue;
            if (i > 0 && tokens[i - 1].Text == ".")
                continue;
            if (!canonical.Names.Contains(tokens[i + 2].Text))
                missing.Add(tokens[i + 2].Text);
        }

        if (missing.Count > 0)
            problems.Add($"uses {string.Join(", ", missing.Select(m => $"'{bound}.{m}'"))}, which {canonical.Path} does not define{canonical.MissingHint}");
    }

    private static bool SliceIs(ImportSite site, SourceSpan span, string expected, List<string> problems)
    {
        var slice = site.File.Text!.Slice(span);
        if (slice == expected)
            return true;
        problems.Add($"the module is not spelled '{expected}' in one piece at its position (found '{Shorten(slice)}': spaces, line breaks, escapes or concatenation); edit it by hand");
        return false;
    }

    private TextEdit Edit(ImportSite site, int start, int length, string replacement, FixSafety safety, string what) =>
        new(start, length, replacement, safety, site.File.Text!.LineOf(start),
            $"{what}: {site.Duplicate} folds into {canonical.Path}{(site.Import.InFunction ? " (import inside a function)" : "")}{(site.Import.InTry ? " (import inside try)" : "")}");

    private static string LastSegment(string dotted) => dotted[(dotted.LastIndexOf('.') + 1)..];

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private static string Shorten(string text) => text.Length <= 60 ? text.ReplaceLineEndings(" ") : text[..57].ReplaceLineEndings(" ") + "...";
}
