namespace Consolidate.Analyzers.Clones;

/// <summary>Type-1 exact, Type-2 renamed (identifiers and literals abstracted), Type-3 near (statements changed).</summary>
public enum CloneKind
{
    Exact,
    Renamed,
    Near,
}
