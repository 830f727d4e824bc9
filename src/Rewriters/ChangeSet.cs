using System.Collections.Immutable;

namespace Consolidate.Rewriters;

/// <summary>
/// What one family proposes: file changes sorted by path (edits sorted by offset and never overlapping), the refusals,
/// the rule ids it answers, a one-line summary and the reviewer's explanation (what, why, what was checked).
/// <see cref="Found"/> counts the findings the family looked at, so tests can assert found = edited + refused.
/// </summary>
public sealed record ChangeSet(
    string Family,
    ImmutableArray<string> RuleIds,
    ImmutableArray<FileChange> Files,
    ImmutableArray<Refusal> Refusals,
    string Summary,
    string Explanation)
{
    public bool IsEmpty => Files.IsEmpty;

    /// <summary>Checks the invariants every rewriter promises; a violation is a bug in the rewriter.</summary>
    public ChangeSet Validated()
    {
        string? previous = null;
        foreach (var file in Files)
        {
            if (previous is not null && string.CompareOrdinal(previous, file.Path) >= 0)
                throw new InvalidOperationException($"{Family}: file changes are not sorted by path or repeat '{file.Path}'");
            previous = file.Path;
            for (var i = 1; i < file.Edits.Length; i++)
            {
                if (file.Edits[i].Start < file.Edits[i - 1].End)
                    throw new InvalidOperationException($"{Family}: overlapping edits in '{file.Path}' at offsets {file.Edits[i - 1].Start} and {file.Edits[i].Start}");
            }
        }

        return this;
    }

    /// <summary>Only the parts at or above <paramref name="minimum"/>; the rest become refusals saying why they were left out.</summary>
    public ChangeSet Filter(FixSafety minimum)
    {
        var refusals = Refusals.ToBuilder();
        var files = ImmutableArray.CreateBuilder<FileChange>();
        foreach (var file in Files)
        {
            if (file.Kind != FileChangeKind.Edit)
            {
                if (file.Safety >= minimum)
                    files.Add(file);
                else
                    refusals.Add(new Refusal(Family, file.Path, 1, LeftOut(file.Safety, file.Note ?? file.Kind.ToString().ToLowerInvariant())));
                continue;
            }

            var kept = file.Edits.Where(e => e.Safety >= minimum).ToImmutableArray();
            foreach (var edit in file.Edits.Where(e => e.Safety < minimum))
                refusals.Add(new Refusal(Family, file.Path, edit.Line, LeftOut(edit.Safety, edit.Note)));
            if (!kept.IsEmpty)
                files.Add(file with { Edits = kept });
        }

        return this with { Files = files.ToImmutable(), Refusals = Sorted(refusals) };
    }

    public static ImmutableArray<Refusal> Sorted(IEnumerable<Refusal> refusals) => refusals
        .OrderBy(r => r.Path, StringComparer.Ordinal)
        .ThenBy(r => r.Line)
        .ThenBy(r => r.Reason, StringComparer.Ordinal)
        .ToImmutableArray();

    private static string LeftOut(FixSafety safety, string note) => safety == FixSafety.Unsafe
        ? $"unsafe, left out (run fix with --unsafe to include it): {note}"
        : $"shown only, never patched: {note}";
}
