using System.Collections.Immutable;

namespace Consolidate.Analyzers.Model;

/// <summary>
/// Python facts: every import (statement or string reference) and the names a module defines at top level
/// (functions, classes, assigned names, imported names), which module migration checks importers against.
/// </summary>
public sealed record PythonFacts(ImmutableArray<PythonImport> Imports, ImmutableArray<string> TopLevelNames) : LanguageFacts;
