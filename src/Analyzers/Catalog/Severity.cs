namespace Consolidate.Analyzers.Catalog;

/// <summary>Severity of a finding, ordered; the .editorconfig words map as none, suggestion (Info), warning, error.</summary>
public enum Severity
{
    None = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}
