using System.Collections.Immutable;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Scanning;

namespace Consolidate.Analyzers.References;

/// <summary>
/// COPY/ADD sources of a Dockerfile resolved against each build context that builds it (from compose, workflows,
/// Makefiles, scripts; else the Dockerfile's own folder). <c>COPY --from</c> copies from a stage or image, not the
/// context; URLs and heredoc sources are not files; globs expand to the files they match; files the context's
/// <c>.dockerignore</c> excludes are not there for the build.
/// </summary>
internal sealed class DockerCopyResolver
{
    private readonly RepositoryPaths paths;
    private readonly Func<string, string?> textOf;

    public DockerCopyResolver(RepositoryPaths paths, Func<string, string?> textOf)
    {
        this.paths = paths;
        this.textOf = textOf;
    }

    public void Collect(FileModel dockerfile, DockerfileFacts facts, IReadOnlyList<BuildContext> contexts, List<Reference> references)
    {
        var orphan = contexts.Count == 0;
        var contextFolders = orphan
            ? [RepositoryPaths.DirectoryOf(dockerfile.Path)]
            : contexts.Select(c => c.Context).Distinct(StringComparer.Ordinal).ToList();
        foreach (var stage in facts.Stages)
        {
            foreach (var instruction in stage.Instructions.Where(i => i.Keyword is "COPY" or "ADD"))
            {
                if (instruction.Flag("from") is not null)
                    continue;
                var heredocs = instruction.Heredocs.IsDefaultOrEmpty ? [] : instruction.Heredocs.Select(h => h.Delimiter).ToHashSet(StringComparer.Ordinal);
                var words = instruction.IsExecForm ? instruction.ExecForm.ToList() : SplitWords(instruction.Arguments);
                if (words.Count < 2)
                    continue;
                foreach (var source in words.Take(words.Count - 1))
                {
                    if (source.StartsWith("<<", StringComparison.Ordinal) || heredocs.Contains(source) || source.Contains("://", StringComparison.Ordinal) || source.StartsWith("git@", StringComparison.Ordinal))
                        continue;
                    foreach (var context in contextFolders)
                    {
                        var reference = Resolve(dockerfile.Path, instruction.Span.StartLine, source, context);
                        references.Add(orphan && !reference.Resolved && reference.Unknowable is null
                            ? reference with { Detail = reference.Detail + "; nothing in the repository builds this Dockerfile, so its own folder was taken as the context" }
                            : reference);
                    }
                }
            }
        }
    }

    private Reference Resolve(string dockerfile, int line, string source, string context)
    {
        if (source.Contains('$'))
            return new Reference(dockerfile, line, source, ReferenceKind.DockerfileCopy, false, source, Unknowable: $"'{source}' uses a build argument");

        var relative = source.TrimStart('/');
        var ignore = DockerIgnore(context);
        var contextLabel = context.Length == 0 ? "." : context;
        if (relative.IndexOfAny(['*', '?', '[']) >= 0)
        {
            var matches = paths.FilesUnder(context)
                .Select(f => context.Length == 0 ? f : f[(context.Length + 1)..])
                .Where(f => Wildmatch.IsMatch(relative, f) || Wildmatch.IsMatch(relative + "/**", f))
                .Where(f => !ignore.IsIgnored(f, false))
                .Order(StringComparer.Ordinal)
                .ToList();
            return matches.Count > 0
                ? new Reference(dockerfile, line, Join(context, relative), ReferenceKind.DockerfileCopy, true, source, Detail: $"glob in context '{contextLabel}' matches {matches.Count} file(s)")
                : new Reference(dockerfile, line, Join(context, relative), ReferenceKind.DockerfileCopy, false, source, Detail: $"glob matches nothing in context '{contextLabel}'");
        }

        var target = RepositoryPaths.Combine(context, relative);
        if (target is null)
            return new Reference(dockerfile, line, source, ReferenceKind.DockerfileCopy, false, source, Detail: $"leaves the build context '{contextLabel}'");
        var exists = paths.Exists(target);
        if (exists && relative.Length > 0 && paths.IsFile(target) && ignore.IsIgnored(relative.TrimEnd('/'), false))
            return new Reference(dockerfile, line, target, ReferenceKind.DockerfileCopy, false, source, Detail: $"excluded by {Join(context, ".dockerignore")}");
        return new Reference(dockerfile, line, target.Length == 0 ? "." : target, ReferenceKind.DockerfileCopy, exists, source, Detail: $"in build context '{contextLabel}'");
    }

    private IgnoreRules DockerIgnore(string context)
    {
        var text = textOf(Join(context, ".dockerignore"));
        if (text is null)
            return IgnoreRules.Empty;
        // .dockerignore patterns are anchored at the context root (Go filepath.Match plus "**"), unlike .gitignore.
        var patterns = IgnoreRules.ParseFile(text, "", ".dockerignore")
            .Select(p => new IgnorePattern(p.BaseDirectory, p.Glob, p.Negated, p.DirectoryOnly, Anchored: true, p.Source, p.Line))
            .ToImmutableArray();
        return IgnoreRules.Empty.With(patterns);
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : a + "/" + b;

    /// <summary>Shell-form COPY arguments: whitespace separated, double or single quotes grouping.</summary>
    internal static List<string> SplitWords(string arguments)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        char? quote = null;
        var any = false;
        foreach (var c in arguments)
        {
            if (quote is not null)
            {
                if (c == quote)
                    quote = null;
                else
                    current.Append(c);
                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
                any = true;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (current.Length > 0 || any)
                    words.Add(current.ToString());
                current.Clear();
                any = false;
                continue;
            }

            current.Append(c);
        }

        if (current.Length > 0 || any)
            words.Add(current.ToString());
        return words;
    }
}
