namespace Consolidate.Analyzers.References;

/// <summary>
/// One edge: <see cref="Source"/> (repo-relative path) at <see cref="Line"/> refers to <see cref="Target"/> — a
/// repo-relative path when resolved, else the path or module as written. <see cref="Unknowable"/> says why an
/// unresolved target cannot be known statically (a variable, an unknown working directory); such edges are never
/// dangling. <see cref="Written"/> is the text as it stands in the source (for rewriting), <see cref="Detail"/> says how
/// it was resolved, for a person.
/// </summary>
public sealed record Reference(
    string Source,
    int Line,
    string Target,
    ReferenceKind Kind,
    bool Resolved,
    string Written,
    string? Unknowable = null,
    string? Detail = null)
{
    /// <summary>A reference to a repository path that does not exist (what the dangling-reference rule reports).</summary>
    public bool IsDangling => !Resolved && Unknowable is null;
}
