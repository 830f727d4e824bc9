using System.Collections.Immutable;
using Consolidate.Analyzers.Model;
using YamlDotNet.Core;
using Token = Consolidate.Analyzers.Model.Token;
using YamlDotNet.Core.Tokens;

namespace Consolidate.Analyzers.Frontends.Compose;

/// <summary>
/// Classes a compose file's text with YamlDotNet's scanner (comments kept): keys are identifiers, scalar values
/// literals, anchors and aliases identifiers, comments comments, and the punctuation (<c>: - ? , { } [ ]</c>, tags,
/// document markers) keywords. Stops quietly at a syntax error: the tokens before it stand.
/// </summary>
internal static class ComposeTokenizer
{
    public static ImmutableArray<Token> Tokenize(SourceText source, CancellationToken cancellationToken)
    {
        var text = source.Text;
        var tokens = new List<Token>();
        var scanner = new Scanner(new StringReader(text), skipComments: false);
        var afterKey = false;
        var count = 0L;
        var limit = 4L * text.Length + 1000;
        try
        {
            while (scanner.MoveNext())
            {
                if (++count % 1024 == 0)
                    cancellationToken.ThrowIfCancellationRequested();
                if (count > limit)
                    break;
                var token = scanner.Current!;
                var start = (int)Math.Clamp(token.Start.Index, 0, text.Length);
                var end = (int)Math.Clamp(token.End.Index, start, text.Length);
                switch (token)
                {
                    case Key:
                        afterKey = true;
                        Add(tokens, source, TokenKind.Keyword, start, end);
                        continue;
                    case Scalar:
                        Add(tokens, source, afterKey ? TokenKind.Identifier : TokenKind.Literal, start, end);
                        break;
                    case YamlDotNet.Core.Tokens.Comment:
                        Add(tokens, source, TokenKind.Comment, start, end);
                        continue;
                    case Anchor or AnchorAlias:
                        Add(tokens, source, TokenKind.Identifier, start, end);
                        continue;
                    case FlowSequenceStart or FlowSequenceEnd or FlowMappingStart or FlowMappingEnd:
                        // The scanner marks these with an empty range at the bracket.
                        Add(tokens, source, TokenKind.Keyword, start, Math.Min(text.Length, Math.Max(end, start + 1)));
                        break;
                    case Value or BlockEntry or FlowEntry or Tag or DocumentStart or DocumentEnd or VersionDirective or TagDirective:
                        Add(tokens, source, TokenKind.Keyword, start, end);
                        break;
                }

                afterKey = false;
            }
        }
        catch (YamlException)
        {
            // The tree reader reports the error; the tokens before it stand.
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet 16 throws these for some malformed input (unclosed flow collections, empty tags).
        }

        return Ordered(tokens);
    }

    private static void Add(List<Token> tokens, SourceText source, TokenKind kind, int start, int end)
    {
        var text = source.Text;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        if (end > start)
            tokens.Add(new Token(kind, text[start..end], source.Span(start, end)));
    }

    private static ImmutableArray<Token> Ordered(List<Token> tokens)
    {
        var sorted = tokens.OrderBy(t => t.Span.Start).ThenByDescending(t => t.Span.Length).ToList();
        var result = ImmutableArray.CreateBuilder<Token>(sorted.Count);
        var end = 0;
        foreach (var token in sorted)
        {
            if (token.Span.Start < end)
                continue;
            result.Add(token);
            end = token.Span.End;
        }

        return result.ToImmutable();
    }
}
