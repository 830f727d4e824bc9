namespace Consolidate.Analyzers.Clones;

/// <summary>What a clone-class member is: a whole file, a syntactic unit, or a run of statements inside a body.</summary>
internal enum UnitKind
{
    File,
    Function,
    Method,
    Class,
    Stage,
    StatementRun,
}
