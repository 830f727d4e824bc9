using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// The token class of every tree-sitter-python symbol, read once from the native language. Words are classed as
/// CPython's <c>tokenize</c> + <c>keyword.iskeyword</c> class them, so tokens do not depend on which of the two read
/// the file: hard keywords and <c>True</c>/<c>False</c>/<c>None</c> are Keyword; soft keywords (<c>match</c>,
/// <c>case</c>, <c>type</c>, <c>_</c>), Python 2's <c>print</c>/<c>exec</c> and <c>__future__</c> are Identifier even
/// where the grammar gives them a token of their own.
/// </summary>
internal sealed class PythonGrammar
{
    /// <summary>Python 3's <c>keyword.kwlist</c> (the same since 3.7).</summary>
    public static readonly FrozenSet<string> HardKeywords = FrozenSet.Create(
        StringComparer.Ordinal,
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
        "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
        "pass", "raise", "return", "try", "while", "with", "yield");

#if NET
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HardKeywordSpans =
        HardKeywords.GetAlternateLookup<ReadOnlySpan<char>>();
#else
    // netstandard2.0 (the analyzer package) has no alternate lookups: the package's SpanKeyedStrings stands in.
    private static readonly SpanKeyedStrings HardKeywordSpans = new(HardKeywords);
#endif

    private readonly ImmutableArray<PythonSymbolClass> classes;

    public PythonGrammar(ImmutableArray<string> symbolNames, ImmutableArray<bool> symbolNamed)
    {
        var builder = ImmutableArray.CreateBuilder<PythonSymbolClass>(symbolNames.Length);
        for (var symbol = 0; symbol < symbolNames.Length; symbol++)
            builder.Add(ClassOf(symbolNames[symbol], symbolNamed[symbol]));
        classes = builder.MoveToImmutable();
    }

    /// <summary>The class of a symbol; <c>ts_builtin_sym_error</c> (65535) and unknown ids are <see cref="PythonSymbolClass.Error"/>.</summary>
    public PythonSymbolClass Class(ushort symbol) => symbol < classes.Length ? classes[symbol] : PythonSymbolClass.Error;

    /// <summary>True for a whole string: the walk takes it as one token and does not descend.</summary>
    public bool IsAtomic(ushort symbol) => symbol < classes.Length && classes[symbol] == PythonSymbolClass.String;

    /// <summary>The class of a word as CPython's tokenize sees it: a hard keyword, else an identifier.</summary>
    public static PythonSymbolClass ClassOfWord(ReadOnlySpan<char> word) =>
        HardKeywordSpans.Contains(word) ? PythonSymbolClass.Keyword : PythonSymbolClass.Identifier;

    private static PythonSymbolClass ClassOf(string name, bool named)
    {
        if (!named)
            return IsWord(name) ? ClassOfWord(name) : PythonSymbolClass.Keyword;
        return name switch
        {
            "identifier" => PythonSymbolClass.Identifier,
            "integer" or "float" => PythonSymbolClass.Literal,
            "true" or "false" or "none" or "ellipsis" => PythonSymbolClass.Keyword,
            "comment" => PythonSymbolClass.Comment,
            "string" => PythonSymbolClass.String,
            "line_continuation" => PythonSymbolClass.Skipped,
            "ERROR" => PythonSymbolClass.Error,
            // string_start, string_content, escape_sequence, ... only reach the walk outside a string node, where
            // tree-sitter recovered part of a broken string.
            _ => PythonSymbolClass.Literal,
        };
    }

    /// <summary>An identifier-like token name (<c>def</c>, <c>__future__</c>), as opposed to an operator (<c>**=</c>).</summary>
    private static bool IsWord(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}
