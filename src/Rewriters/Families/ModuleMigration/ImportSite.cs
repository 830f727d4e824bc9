using Consolidate.Analyzers.Model;

namespace Consolidate.Rewriters.Families.ModuleMigration;

/// <summary>
/// One import (statement or string reference) that resolves to a duplicate: the importing file, the import fact, the
/// part of it that resolves (<see cref="Written"/>, as <c>PythonModuleResolver</c> spells it) and the duplicate.
/// </summary>
internal sealed record ImportSite(FileModel File, PythonImport Import, string Written, string Duplicate)
{
    public int Line => Import.Span.StartLine;

    public string Where => $"{File.Path}:{Line}";

    /// <summary>The module as written in a from-import, leading dots included.</summary>
    public string Prefix => new string('.', Import.Level) + Import.Module;

    /// <summary>True when the import names the duplicate itself (<c>from D import x</c>, <c>import D</c>); false for <c>from P import d</c>.</summary>
    public bool NamesModule => Import.Style != ImportStyle.From || Written == Prefix;
}
