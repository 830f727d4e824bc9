namespace Consolidate.Analyzers.Model;

/// <summary>The class of a token. Clone hashing keeps Keyword text, abstracts Identifier and Literal, drops Comment.</summary>
public enum TokenKind
{
    /// <summary>Keywords, operators and punctuation: the structure of the code.</summary>
    Keyword,
    Identifier,
    /// <summary>Strings, numbers, and shell words that are plain text (arguments, paths).</summary>
    Literal,
    Comment,
}
