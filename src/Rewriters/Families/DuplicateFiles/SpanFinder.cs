using Consolidate.Analyzers.Model;

namespace Consolidate.Rewriters.Families.DuplicateFiles;

/// <summary>
/// Finds the exact place of a reference's written text in its source: the shell word the parser saw (scripts), or the
/// one occurrence of the text, standing alone, in the command's lines (workflow, crontab, Makefile and unit files,
/// whose shell the model does not keep) or in a Dockerfile instruction. Never a search over the whole file: a second
/// occurrence in the same range makes the place ambiguous, and the caller refuses.
/// </summary>
internal static class SpanFinder
{
    /// <summary>The word of a shell command starting on <paramref name="line"/> whose text is <paramref name="written"/>.</summary>
    public static (int Start, string? Problem) ShellWord(FileModel file, int line, string written)
    {
        if (file.FactsAs<ShellFacts>() is { } facts)
        {
            var words = facts.Commands
                .Where(c => c.Span.StartLine == line)
                .SelectMany(c => c.Arguments.Prepend(c.Name))
                .Where(w => w.Text == written)
                .Select(w => w.Span.Start)
                .Distinct()
                .ToList();
            if (words.Count == 1)
                return (words[0], null);
            if (words.Count > 1)
                return (0, $"'{written}' appears {words.Count} times in the command at line {line}; edit it by hand");
        }

        var text = file.Text!;
        var from = text.LineStart(line);
        var last = line;
        while (last < text.LineCount && text.LineText(last).TrimEnd().EndsWith('\\'))
            last++;
        return Unique(text.Text, from, text.LineEnd(last), written, line, IsShellBoundary);
    }

    /// <summary>The source word of a COPY/ADD instruction: shell form, or a JSON string of exec form (its inside).</summary>
    public static (int Start, string? Problem) CopySource(FileModel file, DockerInstruction instruction, string written)
    {
        var text = file.Text!.Text;
        var from = instruction.ArgumentsSpan.Start;
        var to = instruction.Span.End;
        if (instruction.IsExecForm)
        {
            var (start, problem) = Unique(text, from, to, "\"" + written + "\"", instruction.Span.StartLine, (_, _) => true);
            return problem is null ? (start + 1, null) : (0, problem);
        }

        return Unique(text, from, to, written, instruction.Span.StartLine, (c, _) => char.IsWhiteSpace(c) || c is '"' or '\'');
    }

    private static (int Start, string? Problem) Unique(string text, int from, int to, string needle, int line, Func<char, bool, bool> boundary)
    {
        var found = new List<int>();
        for (var at = text.IndexOf(needle, from, StringComparison.Ordinal); at >= 0 && at + needle.Length <= to; at = text.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            var before = at == from || boundary(text[at - 1], true);
            var after = at + needle.Length == to || boundary(text[at + needle.Length], false);
            if (before && after)
                found.Add(at);
        }

        return found.Count switch
        {
            1 => (found[0], null),
            0 => (0, $"'{needle}' was not found as written at line {line}; edit it by hand"),
            _ => (0, $"'{needle}' appears {found.Count} times at line {line}, so the place to edit is ambiguous; edit it by hand"),
        };
    }

    private static bool IsShellBoundary(char c, bool before) =>
        char.IsWhiteSpace(c) || c is ';' or '&' or '|' or '`' || (before ? c is '(' or '=' : c is ')' or '<' or '>');
}
