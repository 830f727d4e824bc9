namespace Consolidate.Analyzers.Model;

/// <summary>
/// An expected problem while reading or parsing a file: a value, never an exception. Line is 1-based. A
/// <see cref="IsNote"/> issue is worth telling (CPython accepts a file whose bytes are not UTF-8) but does not make
/// the parse less than ok; any other issue makes the file <c>recovered</c>. <see cref="ParserUnavailable"/> marks the
/// failure of a file whose parser could not run at all (the tree-sitter library did not load): CONS902 reports that
/// once instead of a CONS901 per file.
/// </summary>
public sealed record ParseIssue(int Line, int Column, string Message, bool IsNote = false, bool ParserUnavailable = false);
