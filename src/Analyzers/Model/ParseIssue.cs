namespace Consolidate.Analyzers.Model;

/// <summary>An expected failure while reading or parsing a file: a value, never an exception. Line is 1-based.</summary>
public sealed record ParseIssue(int Line, int Column, string Message);
