using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Scanning;

namespace Consolidate.Analyzers.References;

/// <summary>
/// References from C# string literals (<c>Process.Start("scripts/deploy.sh")</c>, <c>"docker-compose.yml"</c>) to the
/// repository's scripts, Dockerfiles, compose files and Python files, as <see cref="ReferenceKind.Other"/> edges.
/// <para>A literal is read as a path relative to, in turn, the C# file's folder, its project's folder (the nearest
/// folder above it holding a <c>*.csproj</c>) and the repository root; the first that names a listed file of one of
/// those languages makes a resolved edge. Most strings are not paths, so a literal that names nothing is a dangling
/// edge only when it clearly is one: a relative path of plain segments (letters, digits, <c>. _ -</c>) with at least one
/// folder (<c>scripts/x.sh</c>, <c>./scripts/x.sh</c>; not <c>./x.sh</c>), no <c>..</c>, whose name is a script,
/// Dockerfile, compose or Python file by its name, whose folder exists from one of those bases, and that is not data
/// (<see cref="CSharpStringLiteral.Compared"/>: test cases, comparisons). Anything else (URLs, absolute paths, globs,
/// whitespace, format placeholders, a bare file name) is left alone.</para>
/// </summary>
internal sealed class CSharpReferenceCollector
{
    private readonly RepositoryPaths paths;
    private readonly Lazy<HashSet<string>> projectFolders;

    public CSharpReferenceCollector(RepositoryPaths paths)
    {
        this.paths = paths;
        projectFolders = new Lazy<HashSet<string>>(() => paths.Files
            .Where(f => f.EndsWith(".csproj", StringComparison.Ordinal))
            .Select(RepositoryPaths.DirectoryOf)
            .ToHashSet(StringComparer.Ordinal));
    }

    public const string Detail = "C# string literal";

    public void Collect(FileModel file, CSharpFacts facts, List<Reference> references)
    {
        if (facts.Strings.IsEmpty)
            return;
        var bases = Bases(file.Path);
        foreach (var literal in facts.Strings)
        {
            var written = literal.Value;
            if (!IsPathShaped(written))
                continue;
            var resolved = bases.Select(b => RepositoryPaths.Combine(b, written)).FirstOrDefault(t => t is not null && paths.IsFile(t) && IsScriptLike(t));
            if (resolved is not null)
            {
                references.Add(new Reference(file.Path, literal.Span.StartLine, resolved, ReferenceKind.Other, true, written, Detail: Detail));
                continue;
            }

            if (literal.Compared || !ClearlyARepositoryPath(written))
                continue;
            var folder = bases
                .Select(b => RepositoryPaths.Combine(b, written))
                .FirstOrDefault(t => t is not null && paths.IsDirectory(RepositoryPaths.DirectoryOf(t)));
            if (folder is not null)
                references.Add(new Reference(file.Path, literal.Span.StartLine, folder, ReferenceKind.Other, false, written, Detail: Detail));
        }
    }

    /// <summary>The folders a literal may be relative to, most specific first, without repeats.</summary>
    private List<string> Bases(string path)
    {
        var own = RepositoryPaths.DirectoryOf(path);
        var bases = new List<string> { own };
        for (var folder = own; ; folder = RepositoryPaths.DirectoryOf(folder))
        {
            if (projectFolders.Value.Contains(folder))
            {
                if (!bases.Contains(folder))
                    bases.Add(folder);
                break;
            }

            if (folder.Length == 0)
                break;
        }

        if (!bases.Contains(""))
            bases.Add("");
        return bases;
    }

    /// <summary>A single relative path token: no whitespace, scheme, variable, placeholder, glob or backslash.</summary>
    private static bool IsPathShaped(string value) =>
        value.Length is > 0 and < 260
        && value[0] is not ('/' or '~' or '-')
        && !value.Contains("://", StringComparison.Ordinal)
        && value.IndexOfAny([' ', '\t', '\n', '\r', '$', '{', '}', '%', '*', '?', '\\', ':', '"', '\'', '<', '>', '|', ';', '&']) < 0;

    /// <summary>A file the scanner would classify as a script, Dockerfile, compose file or Python file.</summary>
    private static bool IsScriptLike(string path) =>
        FileClassifier.ByName(path[(path.LastIndexOf('/') + 1)..]) is Language.Shell or Language.Python or Language.Dockerfile or Language.Compose;

    private static bool ClearlyARepositoryPath(string value)
    {
        var segments = value.Split('/');
        var first = segments.Length > 0 && segments[0] == "." ? 1 : 0;
        // At least one folder besides "./": "./x.sh" runs from a working folder the code does not show.
        if (segments.Length - first < 2 || !IsScriptLike(value))
            return false;
        for (var i = first; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0 || segment is "." or ".." || !segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
                return false;
        }

        return true;
    }
}
