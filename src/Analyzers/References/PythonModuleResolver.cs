using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.References;

/// <summary>
/// Resolves Python module names to files. Package roots are detected: the repository root, <c>src/</c>, and every
/// folder that holds a top-level package (a folder with <c>__init__.py</c> whose parent has none). A name whose first
/// component is not a module or package under any root is third-party or standard library: not a reference. Among
/// several roots, those that contain the importing file come first (deepest first), as its sys.path would.
/// </summary>
public sealed class PythonModuleResolver
{
    private readonly RepositoryPaths paths;
    private readonly ImmutableArray<string> roots;

    public PythonModuleResolver(RepositoryPaths paths)
    {
        this.paths = paths;
        var found = new SortedSet<string>(StringComparer.Ordinal) { "" };
        if (paths.IsDirectory("src"))
            found.Add("src");
        foreach (var file in paths.Files)
        {
            if (!file.EndsWith("/__init__.py", StringComparison.Ordinal))
                continue;
            var package = RepositoryPaths.DirectoryOf(file);
            var parent = RepositoryPaths.DirectoryOf(package);
            if (!paths.IsFile(parent.Length == 0 ? "__init__.py" : parent + "/__init__.py"))
                found.Add(parent);
        }

        roots = found.ToImmutableArray();
    }

    public ImmutableArray<string> Roots => roots;

    /// <summary>The module's file, or a verdict: (path, null) resolved; (null, null) not a repository module; (null, reason) dangling.</summary>
    public (string? Path, string? Missing) ResolveAbsolute(string module, string importingFile)
    {
        var parts = module.Split('.');
        var ordered = roots
            .OrderByDescending(r => r.Length > 0 && importingFile.StartsWith(r + "/", StringComparison.Ordinal) ? r.Length + 1 : r.Length == 0 ? 0 : -1)
            .ThenBy(r => r, StringComparer.Ordinal);
        string? knownTop = null;
        foreach (var root in ordered)
        {
            var top = RepositoryPaths.Combine(root, parts[0])!;
            if (!paths.IsDirectory(top) && !paths.IsFile(top + ".py"))
                continue;
            knownTop ??= root;
            var file = ModuleFile(RepositoryPaths.Combine(root, string.Join('/', parts))!);
            if (file is not null)
                return (file, null);
        }

        return knownTop is null ? (null, null) : (null, $"no module '{module}' under '{(knownTop.Length == 0 ? "." : knownTop)}'");
    }

    /// <summary>Resolves <c>from ..m import x</c>: level 1 is the importing file's package.</summary>
    public (string? Path, string? Missing) ResolveRelative(string module, int level, string importingFile)
    {
        var directory = RepositoryPaths.DirectoryOf(importingFile);
        for (var i = 1; i < level; i++)
        {
            if (directory.Length == 0)
                return (null, $"relative import goes above the repository root");
            directory = RepositoryPaths.DirectoryOf(directory);
        }

        var target = module.Length == 0 ? directory : RepositoryPaths.Combine(directory, module.Replace('.', '/'))!;
        var file = ModuleFile(target);
        return file is not null ? (file, null) : (null, $"no module '{new string('.', level)}{module}' next to '{importingFile}'");
    }

    /// <summary>The file of a dotted path below a root: <c>x.py</c>, or <c>x/__init__.py</c>, or a namespace package folder.</summary>
    public string? ModuleFile(string slashPath)
    {
        if (paths.IsFile(slashPath + ".py"))
            return slashPath + ".py";
        var init = slashPath.Length == 0 ? "__init__.py" : slashPath + "/__init__.py";
        if (paths.IsFile(init))
            return init;
        return slashPath.Length > 0 && paths.IsDirectory(slashPath) ? slashPath : null;
    }

    /// <summary>
    /// Edges for one import: <c>from a.b import c</c> prefers the submodule <c>a/b/c.py</c> when it exists, else the
    /// module <c>a/b</c>; string references (mock.patch) take the longest prefix that is a module.
    /// </summary>
    public IEnumerable<(string Written, string? Path, string? Missing)> Resolve(PythonImport import, string importingFile)
    {
        if (import.Style == ImportStyle.From)
        {
            if (import.Level > 0)
            {
                var names = import.Names.Where(n => n.Name != "*").ToList();
                var any = false;
                foreach (var name in names)
                {
                    var sub = ResolveRelative(import.Module.Length == 0 ? name.Name : import.Module + "." + name.Name, import.Level, importingFile);
                    if (sub.Path is not null && sub.Path.EndsWith(".py", StringComparison.Ordinal))
                    {
                        any = true;
                        yield return ($"{new string('.', import.Level)}{import.Module}{(import.Module.Length == 0 ? "" : ".")}{name.Name}", sub.Path, null);
                    }
                }

                if (!any || import.Module.Length > 0)
                {
                    var parent = ResolveRelative(import.Module, import.Level, importingFile);
                    if (!any || parent.Path is not null)
                        yield return (new string('.', import.Level) + import.Module, parent.Path, parent.Missing);
                }

                yield break;
            }

            var submodules = import.Names.Where(n => n.Name != "*")
                .Select(n => (n.Name, File: ModuleFileAbsolute(import.Module + "." + n.Name, importingFile)))
                .Where(x => x.File is not null && x.File.EndsWith(".py", StringComparison.Ordinal))
                .ToList();
            foreach (var (name, file) in submodules)
                yield return (import.Module + "." + name, file, null);
            if (submodules.Count == import.Names.Length)
                yield break;
            var module = ResolveAbsolute(import.Module, importingFile);
            if (module.Path is not null || module.Missing is not null)
                yield return (import.Module, module.Path, module.Missing);
            yield break;
        }

        if (import.Style is ImportStyle.MockPatch)
        {
            var parts = import.Module.Split('.');
            for (var n = parts.Length; n >= 1; n--)
            {
                var candidate = string.Join('.', parts.Take(n));
                var resolved = ResolveAbsolute(candidate, importingFile);
                if (resolved.Path is not null)
                {
                    yield return (candidate, resolved.Path, null);
                    yield break;
                }
            }

            var whole = ResolveAbsolute(parts[0], importingFile);
            if (whole.Path is not null || whole.Missing is not null)
                yield return (import.Module, null, $"no module in '{import.Module}' exists under the repository's package roots");
            yield break;
        }

        var result = ResolveAbsolute(import.Module, importingFile);
        if (result.Path is not null || result.Missing is not null)
            yield return (import.Module, result.Path, result.Missing);
    }

    private string? ModuleFileAbsolute(string module, string importingFile) => ResolveAbsolute(module, importingFile).Path;
}
