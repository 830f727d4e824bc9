using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Clones;

/// <summary>
/// Tokens for a code file no frontend parsed (C#, or a language whose frontend is missing), so whole-file clones are
/// still found. C# gets its keywords classed as Keyword and other names as Identifier, so renamed clones work; any
/// other language gets every word as Keyword (nothing is abstracted, so only exact and near clones are possible).
/// Comments are <c>//</c> and <c>/* */</c> for C#, <c>#</c> at the start of a word otherwise.
/// </summary>
internal static class FallbackLexer
{
    private static readonly HashSet<string> CSharpKeywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while", "var", "async", "await", "record", "init", "get", "set", "yield",
        "where", "when", "with", "not", "and", "or", "value", "global", "nameof", "required", "file", "scoped", "dynamic",
    };

    public static ImmutableArray<Token> Tokenize(SourceText source, Language language)
    {
        var text = source.Text;
        var csharp = language == Language.CSharp;
        var tokens = ImmutableArray.CreateBuilder<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            TokenKind kind;
            if (csharp && c == '/' && i + 1 < text.Length && text[i + 1] == '/' || !csharp && c == '#')
            {
                while (i < text.Length && text[i] != '\n' && text[i] != '\r')
                    i++;
                kind = TokenKind.Comment;
            }
            else if (csharp && c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? text.Length : close + 2;
                kind = TokenKind.Comment;
            }
            else if (c is '"' or '\'' or '`')
            {
                i = QuoteEnd(text, i, c);
                kind = TokenKind.Literal;
            }
            else if (char.IsDigit(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '.' or '_'))
                    i++;
                kind = TokenKind.Literal;
            }
            else if (char.IsLetter(c) || c == '_' || c == '@' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || !csharp && text[i] is '-' or '.' or '/'))
                    i++;
                var word = text.Substring(start, i - start);
                kind = !csharp || CSharpKeywords.Contains(word) ? TokenKind.Keyword : TokenKind.Identifier;
            }
            else
            {
                i++;
                while (i < text.Length && i - start < 3 && IsOperatorPart(text[i]) && IsOperatorPart(c))
                    i++;
                kind = TokenKind.Keyword;
            }

            tokens.Add(new Token(kind, text.Substring(start, i - start), source.Span(start, i)));
        }

        return tokens.ToImmutable();
    }

    private static bool IsOperatorPart(char c) => c is '=' or '!' or '<' or '>' or '&' or '|' or '+' or '-' or '*' or '/' or '%' or '?' or ':';

    private static int QuoteEnd(string text, int open, char quote)
    {
        var i = open + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && quote != '`')
            {
                i += 2;
                continue;
            }

            if (c == quote)
                return i + 1;
            if (c is '\n' or '\r' && quote != '`')
                return i;
            i++;
        }

        return text.Length;
    }
}
