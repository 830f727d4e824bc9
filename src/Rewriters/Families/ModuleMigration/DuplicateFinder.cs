using System.Collections.Immutable;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Model;

namespace Consolidate.Rewriters.Families.ModuleMigration;

/// <summary>
/// Finds the duplicates of a canonical module when consolidate.yml lists none: a Python file in a file-scope clone class
/// with it, or a Python file with the same file name whose top-level classes (functions when the canonical has no
/// class) match the canonical's — one set containing the other, so an older or a newer version of the same module
/// counts, and two unrelated <c>utils.py</c> files sharing a <c>main()</c> do not. Each duplicate comes with why.
/// </summary>
internal static class DuplicateFinder
{
    public static ImmutableArray<(string Path, string Reason)> Find(RepositoryModel model, FileModel canonical)
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var cluster in model.Clusters.Where(c => c.Scope == CloneScope.File && c.Language == Language.Python))
        {
            if (!cluster.Members.Any(m => m.Path == canonical.Path))
                continue;
            foreach (var member in cluster.Members.Where(m => m.Path != canonical.Path && m.Path.EndsWith(".py", StringComparison.Ordinal)))
                found.TryAdd(member.Path, $"found by the tool: a file-scope {cluster.Kind.ToString().ToLowerInvariant()} clone of {canonical.Path} (clone class {cluster.Id})");
        }

        var name = FileName(canonical.Path);
        var main = MainDefinitions(canonical);
        if (!main.IsEmpty)
        {
            foreach (var file in model.Files.Where(f => f.Language == Language.Python && f.Path != canonical.Path && FileName(f.Path) == name))
            {
                var theirs = MainDefinitions(file);
                var shared = main.Intersect(theirs);
                if (shared.IsEmpty || (shared.Count != main.Count && shared.Count != theirs.Count))
                    continue;
                found.TryAdd(file.Path, $"found by the tool: same file name '{name}' and defines {string.Join(", ", shared.Order(StringComparer.Ordinal))} at top level, as {canonical.Path} does");
            }
        }

        return found.Select(kv => (kv.Key, kv.Value)).ToImmutableArray();
    }

    /// <summary>Top-level class names, or top-level function names when there is no class.</summary>
    private static ImmutableHashSet<string> MainDefinitions(FileModel file)
    {
        var symbols = file.Parsed?.Symbols ?? ImmutableArray<Symbol>.Empty;
        var classes = symbols.Where(s => s.Container is null && s.Kind == SymbolKind.Class).Select(s => s.Name).ToImmutableHashSet(StringComparer.Ordinal);
        return classes.IsEmpty
            ? symbols.Where(s => s.Container is null && s.Kind == SymbolKind.Function).Select(s => s.Name).ToImmutableHashSet(StringComparer.Ordinal)
            : classes;
    }

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
