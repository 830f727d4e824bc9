using System.Collections.Immutable;
using Consolidate.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Consolidate.Analyzers.Clones;

/// <summary>
/// Tokens for a code file no frontend tokenized (C#, or a language whose frontend is missing), so whole-file clones are
/// still found. C# is read by Roslyn's own lexer (<c>SyntaxFactory.ParseTokens</c>, the compiler's tokens: verbatim,
/// raw and interpolated strings, preprocessor lines and comments exactly as C# reads them): keywords, contextual
/// keywords, operators and punctuation are Keyword, other names Identifier (so renamed clones work), every literal
/// Literal, comments Comment; preprocessor directives and text they disable are no token. Any other language gets
/// every word as Keyword (nothing is abstracted, so only exact and near clones are possible), with <c>#</c> starting a
/// comment at the start of a word.
/// </summary>
internal static class FallbackLexer
{
    private static readonly CSharpParseOptions CSharpOptions = new(LanguageVersion.Preview, DocumentationMode.None);

    public static ImmutableArray<Token> Tokenize(SourceText source, Language language)
    {
        if (language == Language.CSharp)
            return CSharpTokens(source);
        var text = source.Text;
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
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n' && text[i] != '\r')
                    i++;
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
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-' or '.' or '/'))
                    i++;
                kind = TokenKind.Keyword;
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

    private static ImmutableArray<Token> CSharpTokens(SourceText source)
    {
        var text = source.Text;
        var tokens = ImmutableArray.CreateBuilder<Token>();
        foreach (var token in SyntaxFactory.ParseTokens(text, options: CSharpOptions))
        {
            AddComments(token.LeadingTrivia, source, tokens);
            if (!token.IsKind(SyntaxKind.EndOfFileToken) && token.Span.Length > 0)
                tokens.Add(new Token(KindOf(token), token.Text, source.Span(token.SpanStart, token.Span.End)));
            AddComments(token.TrailingTrivia, source, tokens);
        }

        return tokens.ToImmutable();
    }

    private static void AddComments(SyntaxTriviaList trivia, SourceText source, ImmutableArray<Token>.Builder tokens)
    {
        foreach (var item in trivia)
        {
            if (item.IsKind(SyntaxKind.SingleLineCommentTrivia) || item.IsKind(SyntaxKind.MultiLineCommentTrivia)
                || item.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || item.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia))
            {
                var span = item.Span;
                tokens.Add(new Token(TokenKind.Comment, source.Text.Substring(span.Start, span.Length), source.Span(span.Start, span.End)));
            }
        }
    }

    private static TokenKind KindOf(SyntaxToken token)
    {
        var kind = token.Kind();
        if (kind == SyntaxKind.IdentifierToken)
            return SyntaxFacts.GetContextualKeywordKind(token.ValueText) != SyntaxKind.None ? TokenKind.Keyword : TokenKind.Identifier;
        if (kind is SyntaxKind.NumericLiteralToken or SyntaxKind.CharacterLiteralToken or SyntaxKind.StringLiteralToken
            or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
            or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken or SyntaxKind.InterpolatedStringToken)
            return TokenKind.Literal;
        return TokenKind.Keyword;
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
