namespace Consolidate.Analyzers.Model;

/// <summary>A definition: <see cref="Container"/> is the enclosing class for methods ("BaseAgent.run" is Container "BaseAgent", Name "run").</summary>
public sealed record Symbol(SymbolKind Kind, string Name, string? Container, SourceSpan Span)
{
    public string QualifiedName => Container is null ? Name : Container + "." + Name;
}
