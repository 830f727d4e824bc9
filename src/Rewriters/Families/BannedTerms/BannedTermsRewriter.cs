using System.Collections.Immutable;
using System.Text;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Rules.Terms;

namespace Consolidate.Rewriters.Families.BannedTerms;

/// <summary>
/// Replaces banned terms (consolidate.yml <c>terms:</c>) where CONS401 reports them, whole word and case preserved
/// (<see cref="TermMatcher"/>). Comments and prose documents are Safe; strings and other text values are Unsafe (a string
/// may be a key, a value compared elsewhere or a log format someone greps for). An identifier is renamed only with every
/// identifier token of the same name in the repository, and only when nothing else names it: a collision with the new
/// name, a mention inside a string or an untokenized file, or a command the repository does not define is refused.
/// Renaming an environment variable (exported in shell, ENV/ARG, compose) is Unsafe: programs outside may read it.
/// </summary>
public sealed class BannedTermsRewriter : IRewriter
{
    public const string Name = "banned-terms";

    private static readonly string[] ProseExtensions = [".md", ".markdown", ".rst", ".txt", ".adoc"];

    public string Family => Name;

    public ImmutableArray<string> RuleIds { get; } = ["CONS401"];

    public ChangeSet Rewrite(FixContext context, CancellationToken cancellationToken)
    {
        var terms = context.Config.Terms;
        var found = context.FindingsOf("CONS401").Select(d => (d.Path, d.Line, d.Column)).ToHashSet();
        var edits = new Dictionary<string, SortedDictionary<int, TextEdit>>(StringComparer.Ordinal);
        var refusals = new List<Refusal>();
        var identifiers = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var file in Candidates(context.Model))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = file.Text!;
            if (!terms.Any(t => text.Text.Contains(t.Term, StringComparison.OrdinalIgnoreCase)))
                continue;

            if (file.Tokens.IsEmpty)
            {
                foreach (var (match, term) in Matches(text.Text, 0, text.Text.Length, terms))
                {
                    var span = text.Span(match.Start, match.End());
                    if (!found.Contains((file.Path, span.StartLine, span.StartColumn)))
                        continue;
                    if (file.Language is not (Language.Other or Language.CSharp) || file.Parsed?.Failed == true)
                    {
                        refusals.Add(new Refusal(Name, file.Path, span.StartLine,
                            $"'{match.Found}': the file could not be parsed, so comments, strings and names cannot be told apart; fix the file or edit it by hand"));
                        continue;
                    }

                    var prose = ProseExtensions.Any(e => file.Path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
                    Add(edits, file.Path, new TextEdit(match.Start, match.Length, match.Replacement, prose ? FixSafety.Safe : FixSafety.Unsafe, span.StartLine,
                        prose
                            ? $"prose: '{match.Found}' -> '{match.Replacement}' (consolidate.yml terms, line {term.Line})"
                            : $"text value: '{match.Found}' -> '{match.Replacement}' (consolidate.yml terms, line {term.Line}); a configuration value may be a key read elsewhere"));
                }

                continue;
            }

            foreach (var token in file.Tokens)
            {
                if (token.Kind == TokenKind.Keyword)
                    continue;
                foreach (var (match, term) in Matches(text.Text, token.Span.Start, token.Span.Length, terms))
                {
                    var span = text.Span(match.Start, match.End());
                    if (!found.Contains((file.Path, span.StartLine, span.StartColumn)))
                        continue;
                    switch (token.Kind)
                    {
                        case TokenKind.Identifier:
                            identifiers.Add(token.Text);
                            break;
                        case TokenKind.Comment:
                            Add(edits, file.Path, new TextEdit(match.Start, match.Length, match.Replacement, FixSafety.Safe, span.StartLine,
                                $"comment: '{match.Found}' -> '{match.Replacement}' (consolidate.yml terms, line {term.Line})"));
                            break;
                        default:
                            Add(edits, file.Path, new TextEdit(match.Start, match.Length, match.Replacement, FixSafety.Unsafe, span.StartLine,
                                $"string: '{match.Found}' -> '{match.Replacement}' (consolidate.yml terms, line {term.Line}); a string may be a key, a compared value or a log format someone greps for"));
                            break;
                    }
                }
            }
        }

        if (identifiers.Count > 0)
        {
            var index = IdentifierIndex(context.Model);
            foreach (var identifier in identifiers)
                Rename(context, identifier, index, found, edits, refusals);
        }

        var files = edits
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => FileChange.Edit(e.Key, e.Value.Values))
            .ToImmutableArray();
        return new ChangeSet(
            Name,
            RuleIds,
            files,
            ChangeSet.Sorted(refusals),
            "replace banned terms",
            Explain(terms)).Validated();
    }

    private static IEnumerable<FileModel> Candidates(RepositoryModel model) => model.Files
        .Where(f => f.Text is not null && f.Status != ParseStatus.Skipped && f.Path is not ("consolidate.yml" or "consolidate.yaml"))
        .OrderBy(f => f.Path, StringComparer.Ordinal);

    private static IEnumerable<(TermMatch Match, TermRule Term)> Matches(string text, int start, int length, ImmutableArray<TermRule> terms) =>
        terms.SelectMany(t => TermMatcher.Find(text, start, length, t).Select(m => (m, t))).OrderBy(x => x.m.Start);

    private static Dictionary<string, List<IdentifierOccurrence>> IdentifierIndex(RepositoryModel model)
    {
        var index = new Dictionary<string, List<IdentifierOccurrence>>(StringComparer.Ordinal);
        foreach (var file in Candidates(model))
        {
            foreach (var token in file.Tokens)
            {
                if (token.Kind != TokenKind.Identifier)
                    continue;
                if (!index.TryGetValue(token.Text, out var list))
                    index[token.Text] = list = [];
                list.Add(new IdentifierOccurrence(file, token));
            }
        }

        return index;
    }

    private static void Rename(
        FixContext context,
        string identifier,
        Dictionary<string, List<IdentifierOccurrence>> index,
        HashSet<(string Path, int Line, int Column)> found,
        Dictionary<string, SortedDictionary<int, TextEdit>> edits,
        List<Refusal> refusals)
    {
        var terms = context.Config.Terms;
        var occurrences = index[identifier];
        var renamed = Replace(identifier, 0, identifier.Length, terms);
        var definition = Definition(context.Model, identifier, occurrences);
        var sites = $"defined at {definition.Where}" + (occurrences.Count > 1
            ? "; used at " + string.Join(", ", occurrences.Where(o => o != definition).Select(o => o.Where).Distinct().Take(12)) + (occurrences.Count > 13 ? ", ..." : "")
            : "");

        var problem = Collision(occurrences, renamed, index)
            ?? UntokenizedMention(context.Model, identifier)
            ?? StringMention(context.Model, identifier)
            ?? ExternalCommand(context.Model, identifier, occurrences);
        if (problem is not null)
        {
            foreach (var occurrence in occurrences)
            {
                foreach (var (match, _) in Matches(occurrence.File.Text!.Text, occurrence.Token.Span.Start, occurrence.Token.Span.Length, terms))
                {
                    var span = occurrence.File.Text.Span(match.Start, match.End());
                    if (found.Contains((occurrence.File.Path, span.StartLine, span.StartColumn)))
                        refusals.Add(new Refusal(Name, occurrence.File.Path, span.StartLine, $"identifier '{identifier}' not renamed to '{renamed}': {problem} ({sites})"));
                }
            }

            return;
        }

        var environment = EnvironmentName(occurrences);
        var safety = environment is null ? FixSafety.Safe : FixSafety.Unsafe;
        foreach (var occurrence in occurrences)
        {
            foreach (var (match, term) in Matches(occurrence.File.Text!.Text, occurrence.Token.Span.Start, occurrence.Token.Span.Length, terms))
            {
                var line = occurrence.File.Text.LineOf(match.Start);
                Add(edits, occurrence.File.Path, new TextEdit(match.Start, match.Length, match.Replacement, safety, line,
                    $"identifier '{identifier}' -> '{renamed}' at all {occurrences.Count} occurrence(s) ({sites})" + (environment is null ? "" : $"; {environment}")));
            }
        }
    }

    private static IdentifierOccurrence Definition(RepositoryModel model, string identifier, List<IdentifierOccurrence> occurrences)
    {
        foreach (var occurrence in occurrences)
        {
            var parsed = occurrence.File.Parsed;
            if (parsed is not null && parsed.Symbols.Any(s => s.Name == identifier && s.Span.Contains(occurrence.Token.Span)))
                return occurrence;
            if (occurrence.File.FactsAs<ShellFacts>() is { } shell && shell.Assignments.Any(a => a.Name == identifier && a.Span.Contains(occurrence.Token.Span)))
                return occurrence;
        }

        _ = model;
        return occurrences[0];
    }

    private static string? Collision(List<IdentifierOccurrence> occurrences, string renamed, Dictionary<string, List<IdentifierOccurrence>> index)
    {
        if (!index.TryGetValue(renamed, out var existing))
            return null;
        var files = occurrences.Select(o => o.File.Path).ToHashSet(StringComparer.Ordinal);
        var clash = existing.FirstOrDefault(e => files.Contains(e.File.Path));
        return clash is null ? null : $"'{renamed}' already exists at {clash.Where}, so the rename would merge two names";
    }

    private static string? UntokenizedMention(RepositoryModel model, string identifier)
    {
        foreach (var file in Candidates(model).Where(f => f.Tokens.IsEmpty))
        {
            var at = WholeWord(file.Text!.Text, 0, file.Text.Text.Length, identifier);
            if (at >= 0)
                return $"it is also named in {file.Path}:{file.Text.LineOf(at)}, which is not parsed into tokens, so that mention would be left behind";
        }

        return null;
    }

    private static string? StringMention(RepositoryModel model, string identifier)
    {
        foreach (var file in Candidates(model))
        {
            foreach (var token in file.Tokens)
            {
                if (token.Kind != TokenKind.Literal)
                    continue;
                var at = WholeWord(file.Text!.Text, token.Span.Start, token.Span.Length, identifier);
                if (at >= 0)
                    return $"it is also named in a string at {file.Path}:{file.Text.LineOf(at)} (a dynamic reference such as getattr, __all__ or an environment lookup), which a rename would leave behind";
            }
        }

        return null;
    }

    private static string? ExternalCommand(RepositoryModel model, string identifier, List<IdentifierOccurrence> occurrences)
    {
        var definedAsFunction = model.Files.Any(f => f.Parsed?.Symbols.Any(s => s.Kind == SymbolKind.ShellFunction && s.Name == identifier) == true);
        if (definedAsFunction)
            return null;
        foreach (var occurrence in occurrences)
        {
            if (occurrence.File.FactsAs<ShellFacts>() is { } shell && shell.Commands.Any(c => c.Name.Span.Start == occurrence.Token.Span.Start))
                return $"it runs the command '{identifier}' at {occurrence.Where}, which the repository does not define";
        }

        return null;
    }

    private static string? EnvironmentName(List<IdentifierOccurrence> occurrences)
    {
        foreach (var occurrence in occurrences)
        {
            var line = occurrence.File.Text!.LineText(occurrence.Token.Span.StartLine).TrimStart();
            if (occurrence.File.Language == Language.Compose)
                return $"it is a compose key at {occurrence.Where}; containers may read it";
            if (occurrence.File.Language is Language.Shell or Language.Dockerfile
                && (line.StartsWith("export ", StringComparison.Ordinal) || line.StartsWith("declare -x", StringComparison.Ordinal)
                    || line.StartsWith("ENV ", StringComparison.OrdinalIgnoreCase) || line.StartsWith("ARG ", StringComparison.OrdinalIgnoreCase)))
                return $"it is an environment variable ({occurrence.Where}); programs outside the repository may read it";
        }

        return null;
    }

    /// <summary>Offset of <paramref name="word"/> in the range where it is not part of a longer identifier, or -1.</summary>
    private static int WholeWord(string text, int start, int length, string word)
    {
        var end = start + length;
        var at = start;
        while (at < end)
        {
            var found = text.IndexOf(word, at, end - at, StringComparison.Ordinal);
            if (found < 0 || found + word.Length > end)
                return -1;
            var before = found == 0 ? ' ' : text[found - 1];
            var after = found + word.Length >= text.Length ? ' ' : text[found + word.Length];
            if (!IsIdentifierChar(before) && !IsIdentifierChar(after))
                return found;
            at = found + 1;
        }

        return -1;
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static string Replace(string text, int start, int length, ImmutableArray<TermRule> terms)
    {
        var builder = new StringBuilder();
        var at = start;
        foreach (var (match, _) in Matches(text, start, length, terms))
        {
            if (match.Start < at)
                continue;
            builder.Append(text, at, match.Start - at).Append(match.Replacement);
            at = match.End();
        }

        return builder.Append(text, at, start + length - at).ToString();
    }

    private static void Add(Dictionary<string, SortedDictionary<int, TextEdit>> edits, string path, TextEdit edit)
    {
        if (!edits.TryGetValue(path, out var byStart))
            edits[path] = byStart = [];
        if (byStart.TryGetValue(edit.Start, out var existing) && existing.Safety <= edit.Safety)
            return;
        byStart[edit.Start] = edit;
    }

    private static string Explain(ImmutableArray<TermRule> terms) =>
        "Replaces the banned terms of consolidate.yml (" + string.Join(", ", terms.Select(t => $"'{t.Term}' -> '{t.Replacement}'")) + ") where CONS401 reports them:\n"
        + "whole words only, case preserved (conceptual/Conceptual/CONCEPTUAL), URLs never touched.\n"
        + "Comments and prose documents are safe edits. Strings are unsafe (a string may be a key, a compared value\n"
        + "or a log format someone greps for) and are included only with --unsafe. An identifier is renamed only\n"
        + "together with every identifier of the same name in the repository; it is refused when the new name\n"
        + "already exists, when a string or an unparsed file also names it, or when it names an outside command.\n"
        + "Environment variables are unsafe renames: programs outside the repository may read them.";
}
