using System.Collections.Concurrent;
using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.References;

/// <summary>
/// Resolves Python module names to files, as sys.path would for code run from somewhere in the repository. Package
/// roots: the repository root, <c>src/</c>, and the parent folder of every regular package (a folder with
/// <c>__init__.py</c>), since code is commonly run from such a folder (a Docker WORKDIR, a PYTHONPATH). Roots that
/// contain the importing file are tried first, deepest first, then the others. A bare namespace folder (no
/// <c>__init__.py</c>) never resolves a top-level name on its own: <c>import docker</c> is the third-party package even
/// when the repository has a <c>docker/</c> folder. A name is dangling only when its top-level package or module is a
/// regular one under a root the importing file lives in, and the rest is missing; otherwise it is not ours.
/// </summary>
public sealed class PythonModuleResolver
{
    private readonly RepositoryPaths paths;
    private readonly ImmutableArray<string> roots;

    // An absolute import resolves the same way from every file of a folder (the roots that contain the file are the
    // roots that contain its folder), and a repository imports the same few modules from many files.
    private readonly ConcurrentDictionary<(string Module, string Folder), (string? Path, string? Missing)> absolute = new();

    public PythonModuleResolver(RepositoryPaths paths)
    {
        this.paths = paths;
        var found = new SortedSet<string>(StringComparer.Ordinal) { "" };
        if (paths.IsDirectory("src"))
            found.Add("src");
        foreach (var file in paths.Files)
        {
            if (file == "__init__.py" || !file.EndsWith("/__init__.py", StringComparison.Ordinal))
                continue;
            found.Add(RepositoryPaths.DirectoryOf(RepositoryPaths.DirectoryOf(file)));
        }

        roots = found.ToImmutableArray();
    }

    public ImmutableArray<string> Roots => roots;

    /// <summary>The module's file, or a verdict: (path, null) resolved; (null, null) not a repository module; (null, reason) dangling.</summary>
    public (string? Path, string? Missing) ResolveAbsolute(string module, string importingFile)
    {
        var folder = RepositoryPaths.DirectoryOf(importingFile);
        if (absolute.TryGetValue((module, folder), out var known))
            return known;
        var resolved = ResolveAbsoluteFrom(module, folder);
        absolute.TryAdd((module, folder), resolved);
        return resolved;
    }

    /// <summary><see cref="ResolveAbsolute"/> for a file in <paramref name="folder"/>.</summary>
    private (string? Path, string? Missing) ResolveAbsoluteFrom(string module, string folder)
    {
        var parts = module.Split('.');
        var slashPath = string.Join('/', parts);
        var inside = folder + "/";
        var ancestors = roots.Where(r => r.Length == 0 || inside.Length > r.Length && inside[r.Length] == '/' && inside.StartsWith(r, StringComparison.Ordinal))
            .OrderByDescending(r => r.Length)
            .ToList();
        var ancestorSet = new HashSet<string>(ancestors, StringComparer.Ordinal);
        var ordered = ancestors.Concat(roots.Where(r => !ancestorSet.Contains(r)));
        foreach (var root in ordered)
        {
            var file = ModuleFile(RepositoryPaths.Combine(root, slashPath)!);
            if (file is not null && (parts.Length > 1 || !paths.IsDirectory(file) || file.EndsWith(".py", StringComparison.Ordinal)))
                return (file, null);
        }

        foreach (var root in ancestors)
        {
            var top = RepositoryPaths.Combine(root, parts[0])!;
            if (paths.IsFile(top + "/__init__.py") || paths.IsFile(top + ".py"))
                return (null, $"no module '{module}' under '{(root.Length == 0 ? "." : root)}'");
        }

        // Scripts run with their own folder on sys.path, and many insert a parent folder by hand: as a last resort,
        // look beside the importing file and in its ancestors. Only a hit counts; a miss stays "not ours".
        for (var beside = folder; beside.Length > 0; beside = RepositoryPaths.DirectoryOf(beside))
        {
            var file = ModuleFile(RepositoryPaths.Combine(beside, slashPath)!);
            if (file is not null && file.EndsWith(".py", StringComparison.Ordinal))
                return (file, null);
        }

        return (null, null);
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
#if NET
        // Asked for every root of every import: look the candidates up from a buffer, make a string only for a hit.
        const string Init = "/__init__.py";
        var length = slashPath.Length + Init.Length;
        Span<char> buffer = length <= 512 ? stackalloc char[length] : new char[length];
        slashPath.CopyTo(buffer);
        ".py".CopyTo(buffer[slashPath.Length..]);
        if (paths.FileLookup.Contains(buffer[..(slashPath.Length + 3)]))
            return slashPath + ".py";
        if (slashPath.Length == 0)
            return paths.IsFile("__init__.py") ? "__init__.py" : null;
        Init.CopyTo(buffer[slashPath.Length..]);
        if (paths.FileLookup.Contains(buffer))
            return slashPath + Init;
#else
        if (paths.IsFile(slashPath + ".py"))
            return slashPath + ".py";
        var init = slashPath.Length == 0 ? "__init__.py" : slashPath + "/__init__.py";
        if (paths.IsFile(init))
            return init;
        if (slashPath.Length == 0)
            return null;
#endif
        return paths.IsDirectory(slashPath) ? slashPath : null;
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
