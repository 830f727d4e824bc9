using System.Collections.Immutable;
using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Engine;

/// <summary>
/// The suppression comments of one file. Python, shell, Dockerfiles and YAML all comment with <c>#</c>:
/// <c># consolidate-disable-next-line CONS101 dockerfile-unpinned-base</c> silences the next line that is not itself a
/// comment; <c># consolidate-disable-file CONS201</c> the whole file. Comments are taken from the frontend's comment
/// tokens, so a <c>#</c> inside a string never counts; files without a frontend use whole-line comments.
/// </summary>
public sealed class SuppressionIndex
{
    private const string NextLine = "consolidate-disable-next-line";
    private const string WholeFile = "consolidate-disable-file";

    private readonly ImmutableHashSet<string> fileWide;
    private readonly ImmutableDictionary<int, ImmutableHashSet<string>> byLine;

    private SuppressionIndex(ImmutableHashSet<string> fileWide, ImmutableDictionary<int, ImmutableHashSet<string>> byLine)
    {
        this.fileWide = fileWide;
        this.byLine = byLine;
    }

    private const string MarkerPrefix = "consolidate-disable";

    public static SuppressionIndex For(FileModel? file)
    {
        var fileWide = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        var byLine = new Dictionary<int, ImmutableHashSet<string>.Builder>();
        // Every marker starts with "consolidate-disable": a file without it has none, and its tokens are not rebuilt.
        if (file?.Text is null || !file.Text.Contains(MarkerPrefix))
            return new SuppressionIndex(fileWide.ToImmutable(), ImmutableDictionary<int, ImmutableHashSet<string>>.Empty);

        var text = file.Text;
        var comments = file.Parsed is { TokenTable.Count: > 0 }
            ? file.Parsed.Tokens.Where(t => t.Kind == TokenKind.Comment).Select(t => (t.Span.StartLine, t.Text))
            : Enumerable.Range(1, text.LineCount).Select(l => (l, text.LineText(l).TrimStart())).Where(c => c.Item2.StartsWith('#'));

        foreach (var (line, comment) in comments)
        {
            var body = comment.TrimStart('#', ' ', '\t');
            if (body.StartsWith(WholeFile, StringComparison.Ordinal))
            {
                foreach (var id in Ids(body[WholeFile.Length..]))
                    fileWide.Add(id);
            }
            else if (body.StartsWith(NextLine, StringComparison.Ordinal))
            {
                var target = NextCodeLine(text, line);
                if (!byLine.TryGetValue(target, out var set))
                    byLine[target] = set = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var id in Ids(body[NextLine.Length..]))
                    set.Add(id);
            }
        }

        return new SuppressionIndex(fileWide.ToImmutable(), byLine.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutable()));
    }

    /// <summary>Why the rule is suppressed at that line, or null.</summary>
    public string? Suppresses(RuleDescriptor rule, int line)
    {
        if (fileWide.Contains(rule.Id) || fileWide.Contains(rule.Name))
            return $"{WholeFile} comment";
        return byLine.TryGetValue(line, out var set) && (set.Contains(rule.Id) || set.Contains(rule.Name)) ? $"{NextLine} comment" : null;
    }

    private static IEnumerable<string> Ids(string rest) =>
        rest.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => !w.StartsWith("--", StringComparison.Ordinal));

    private static int NextCodeLine(SourceText text, int line)
    {
        var next = line + 1;
        while (next <= text.LineCount && text.LineText(next).TrimStart() is var t && (t.Length == 0 || t.StartsWith('#')))
            next++;
        return next;
    }
}
