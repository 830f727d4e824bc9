namespace Consolidate.Rewriters.Families.DuplicateFiles;

/// <summary>
/// A path-like token in some file whose last segment is the name of a file about to be deleted. <see cref="Absolute"/>:
/// the token starts a path at the file system root (not the tail of <c>$(dirname "$0")/..</c> or <c>${DIR}/..</c>).
/// </summary>
internal sealed record PathMention(string Path, int Offset, int Line, string Token, bool Absolute, bool InComment, bool InDocumentation);
