using Consolidate.Analyzers.Model;

namespace Consolidate.Rewriters.Families.DuplicateFiles;

/// <summary>
/// Every path-like token (a run of plain path characters) in every scanned text whose last segment is one of the
/// given file names, found in one pass per file. It catches what the reference graph does not follow: a path in a
/// Python string, a supervisor or unit file, an absolute path of an installed copy.
/// </summary>
internal sealed class PathMentions
{
    private static readonly string[] DocumentationExtensions = [".md", ".rst", ".txt", ".adoc", ".html"];
    private readonly Dictionary<string, List<PathMention>> byName = new(StringComparer.Ordinal);

    public PathMentions(RepositoryModel model, IReadOnlySet<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
            return;
        foreach (var file in model.Files.Where(f => f.Text is not null && f.Status != ParseStatus.Skipped))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = file.Text!;
            var s = text.Text;
            var documentation = IsDocumentation(file.Path);
            var comments = file.Tokens.Where(t => t.Kind == TokenKind.Comment).Select(t => (t.Span.Start, t.Span.End)).ToList();
            for (var i = 0; i < s.Length;)
            {
                if (!RepoPath.IsPlain(s[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < s.Length && RepoPath.IsPlain(s[i]))
                    i++;
                var token = s[start..i];
                var name = token[(token.LastIndexOf('/') + 1)..];
                if (!names.Contains(name))
                    continue;
                if (!byName.TryGetValue(name, out var list))
                    byName[name] = list = [];
                var inComment = comments.Any(c => start >= c.Start && start < c.End);
                var absolute = token.StartsWith('/') && (start == 0 || char.IsWhiteSpace(s[start - 1]) || s[start - 1] is '"' or '\'' or '=' or ':' or '(' or '[' or ',');
                list.Add(new PathMention(file.Path, start, text.Span(start, start).StartLine, token, absolute, inComment, documentation));
            }
        }
    }

    public IReadOnlyList<PathMention> Of(string fileName) => byName.TryGetValue(fileName, out var list) ? list : [];

    private static bool IsDocumentation(string path)
    {
        var name = RepoPath.FileName(path);
        return DocumentationExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            || name.StartsWith("README", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("CHANGELOG", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase);
    }
}
