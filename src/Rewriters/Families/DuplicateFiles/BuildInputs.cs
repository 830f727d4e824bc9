using System.Collections.Immutable;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.References;
using Consolidate.Analyzers.Scanning;

namespace Consolidate.Rewriters.Families.DuplicateFiles;

/// <summary>
/// What images and containers see of the repository: the build contexts of each Dockerfile (compose, scripts,
/// workflows, Makefiles; else its own folder), COPY/ADD sources that take a whole folder or a glob, the
/// <c>.dockerignore</c> in force, and compose bind mounts. Deleting a file such a source or mount covers changes what
/// the image or container holds, whatever is repointed.
/// </summary>
internal sealed class BuildInputs
{
    private readonly RepositoryModel model;
    private readonly RepositoryPaths paths;
    private readonly ILookup<string, string> contexts;
    private readonly Dictionary<string, string?> texts;
    private readonly Dictionary<(string Dockerfile, string Context), IgnoreRules> ignores = [];

    public BuildInputs(RepositoryModel model)
    {
        this.model = model;
        paths = new RepositoryPaths(model.Files.Select(f => f.Path));
        contexts = model.References.Contexts.ToLookup(c => c.Dockerfile, c => c.Context, StringComparer.Ordinal);
        texts = model.Files.GroupBy(f => f.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Text?.Text, StringComparer.Ordinal);
    }

    /// <summary>The folders a Dockerfile is built from (its own folder when nothing in the repository builds it).</summary>
    public IReadOnlyList<string> ContextsOf(string dockerfile)
    {
        var known = contexts[dockerfile].Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return known.Count > 0 ? known : [RepoPath.Directory(dockerfile)];
    }

    /// <summary>True when the build of <paramref name="dockerfile"/> in <paramref name="context"/> does not see <paramref name="path"/> (.dockerignore).</summary>
    public bool IsIgnored(string dockerfile, string context, string path)
    {
        if (!RepoPath.IsUnder(path, context))
            return true;
        if (!ignores.TryGetValue((dockerfile, context), out var rules))
        {
            // BuildKit reads <Dockerfile>.dockerignore beside the Dockerfile instead of the context's .dockerignore when it exists.
            var text = texts.GetValueOrDefault(dockerfile + ".dockerignore") ?? texts.GetValueOrDefault(Join(context, ".dockerignore"));
            rules = text is null
                ? IgnoreRules.Empty
                : IgnoreRules.Empty.With(IgnoreRules.ParseFile(text, "", ".dockerignore")
                    .Select(p => new IgnorePattern(p.BaseDirectory, p.Glob, p.Negated, p.DirectoryOnly, Anchored: true, p.Source, p.Line))
                    .ToImmutableArray());
            ignores[(dockerfile, context)] = rules;
        }

        var relative = context is "" or "." ? path : path[(context.Length + 1)..];
        return rules.IsIgnored(relative, false);
    }

    /// <summary>Why deleting <paramref name="path"/> changes what an image or a container sees, one (path, line, reason) each.</summary>
    public IEnumerable<(string Path, int Line, string Reason)> Covering(string path)
    {
        foreach (var reference in model.References.References.Where(r => r.Kind == ReferenceKind.DockerfileCopy && r.Resolved && r.Target != path))
        {
            var written = reference.Written.TrimStart('/');
            var copied = reference.Target == "." ? "" : reference.Target;
            var glob = written.IndexOfAny(['*', '?', '[']) >= 0;
            foreach (var context in ContextsOf(reference.Source))
            {
                if (IsIgnored(reference.Source, context, path))
                    continue;
                var relative = context is "" or "." ? path : path[(context.Length + 1)..];
                bool covers;
                if (glob)
                    covers = Join(context, written) == copied && (Wildmatch.IsMatch(written, relative) || Wildmatch.IsMatch(written.TrimEnd('/') + "/**", relative));
                else
                    covers = RepositoryPaths.Combine(context, written) is { } target && target == copied && (target.Length == 0 || paths.IsDirectory(target)) && RepoPath.IsUnder(path, target);
                if (covers)
                {
                    var assumed = contexts[reference.Source].Any() ? "" : " (nothing in the repository builds it, so its own folder was taken as the context)";
                    yield return (reference.Source, reference.Line, $"{reference.Source} line {reference.Line} copies '{reference.Written}' from build context '{Display(context)}'{assumed}, which holds {path}: deleting it changes the image");
                }
            }
        }

        foreach (var file in model.OfLanguage(Language.Compose))
        {
            foreach (var service in file.FactsAs<ComposeFacts>()?.Services ?? [])
            {
                foreach (var volume in service.Volumes)
                {
                    if (volume.Source is not { } source || volume.Type is not ("bind" or null))
                        continue;
                    var mounted = MountedPath(file.Path, source);
                    if (mounted is not null && RepoPath.IsUnder(path, mounted))
                        yield return (file.Path, volume.Span.StartLine, $"{file.Path} line {volume.Span.StartLine} mounts '{source}' into service '{service.Name}', so the container sees {path}: deleting it changes what runs there");
                }
            }
        }
    }

    private string? MountedPath(string composeFile, string source)
    {
        if (source.StartsWith('/'))
        {
            var root = model.Config.InstallRoots.Select(r => r.TrimEnd('/')).FirstOrDefault(r => source == r || source.StartsWith(r + "/", StringComparison.Ordinal));
            return root is null ? null : source.Length == root.Length ? "" : source[(root.Length + 1)..];
        }

        if (!source.StartsWith('.'))
            return null;
        return RepositoryPaths.Combine(RepoPath.Directory(composeFile), source);
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : a + "/" + b;

    private static string Display(string context) => context.Length == 0 ? "." : context;
}
