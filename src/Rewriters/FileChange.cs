using System.Collections.Immutable;

namespace Consolidate.Rewriters;

/// <summary>
/// What a family does to one repo-relative path: text edits (sorted, not overlapping), a new file with
/// <see cref="NewContent"/> (UTF-8, written as given), or a deletion. <see cref="Safety"/> applies to a create or delete;
/// edits carry their own.
/// </summary>
public sealed record FileChange(string Path, FileChangeKind Kind, ImmutableArray<TextEdit> Edits, string? NewContent, FixSafety Safety, string? Note = null)
{
    public static FileChange Edit(string path, IEnumerable<TextEdit> edits) =>
        new(path, FileChangeKind.Edit, edits.OrderBy(e => e.Start).ThenBy(e => e.Length).ToImmutableArray(), null, FixSafety.Safe);

    public static FileChange Create(string path, string content, FixSafety safety, string note) =>
        new(path, FileChangeKind.Create, ImmutableArray<TextEdit>.Empty, content, safety, note);

    public static FileChange Delete(string path, FixSafety safety, string note) =>
        new(path, FileChangeKind.Delete, ImmutableArray<TextEdit>.Empty, null, safety, note);

    /// <summary>The least safe part of the change.</summary>
    public FixSafety LeastSafety => Kind == FileChangeKind.Edit && !Edits.IsEmpty ? Edits.Min(e => e.Safety) : Safety;
}
