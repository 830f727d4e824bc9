namespace Consolidate.Analyzers.Model;

public enum SymbolKind
{
    Function,
    Method,
    Class,
    ShellFunction,
    Stage,
    Service,
}
