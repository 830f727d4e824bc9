using System.Collections.Immutable;

namespace Consolidate.Analyzers.Model;

/// <summary>
/// One import site. <see cref="Module"/> is the dotted module as written without leading dots ("" for
/// <c>from . import x</c>); <see cref="Level"/> is the number of leading dots. For string styles, Module is the whole
/// string ("a.b.C.method" for mock.patch) and <see cref="ModuleSpan"/> covers the string's content (inside quotes).
/// <see cref="Span"/> covers the whole statement or call.
/// </summary>
public sealed record PythonImport(
    ImportStyle Style,
    string Module,
    int Level,
    ImmutableArray<ImportedName> Names,
    string? Alias,
    SourceSpan Span,
    SourceSpan ModuleSpan,
    bool InFunction,
    bool InTry);
