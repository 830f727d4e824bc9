namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>What a tree-sitter-python node contributes to the token stream when the walk reaches it.</summary>
internal enum PythonSymbolClass : byte
{
    /// <summary>Keywords, operators, punctuation, <c>True</c>/<c>False</c>/<c>None</c> and <c>...</c>.</summary>
    Keyword,
    Identifier,
    /// <summary>Numbers, and pieces of a string that tree-sitter could only recover in part.</summary>
    Literal,
    Comment,
    /// <summary>A whole string (f-strings included): one literal; the walk does not descend into it.</summary>
    String,
    /// <summary>No token: a backslash line continuation.</summary>
    Skipped,
    /// <summary>Text tree-sitter could not read (an ERROR leaf): split at white space and classed by its characters.</summary>
    Error,
}
