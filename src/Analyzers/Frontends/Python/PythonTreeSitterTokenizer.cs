using System.Collections.Concurrent;
using System.Collections.Immutable;
using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Frontends.Shell.Native;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// Python tokens from tree-sitter-python, in .NET on the calling thread: much cheaper than CPython's pure-Python
/// <c>tokenize</c>, and tree-sitter recovers from syntax errors, so a file CPython rejects (a typo, Python 2) still
/// has its tokens and comments. Classes follow <see cref="PythonGrammar"/> (the same as CPython's tokenize gives); a
/// string, f-strings included, is one literal; tokens are in order, not overlapping, each the exact slice of its span.
/// Thread-safe: native parsers are not, so each call borrows one from a small pool. A missing native library is
/// found once and remembered (<see cref="Unavailable"/>); then, and when a parse runs out of budget,
/// <see cref="Tokenize"/> returns null and the caller asks CPython's tokenize instead.
/// </summary>
internal sealed class PythonTreeSitterTokenizer : IDisposable
{
    private const int MaxInternedLength = 32;

    private readonly Lazy<LanguageLoad<PythonLanguage>> language;
    private readonly ConcurrentBag<PythonLeafReader> idleReaders = new();
#if NET
    private readonly int maxIdleReaders = Math.Max(2, Environment.ProcessorCount * 2);
#else
    // The analyzer package: analyzers may not touch Environment (RS1035); the compiler's own parallelism is small.
    private readonly int maxIdleReaders = 4;
#endif
    private volatile bool disposed;

    public PythonTreeSitterTokenizer()
        : this(PythonLanguage.Load)
    {
    }

    /// <summary>A seam for tests: <paramref name="loadLanguage"/> stands for the first call into the native library.</summary>
    internal PythonTreeSitterTokenizer(Func<PythonLanguage> loadLanguage)
    {
        language = new Lazy<LanguageLoad<PythonLanguage>>(() => LanguageLoad<PythonLanguage>.From(loadLanguage), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Why tree-sitter cannot be used (the native library is missing or broken), or null when it can.</summary>
    public string? Unavailable => language.Value.Failure;

    /// <summary>
    /// The tokens of <paramref name="text"/>, or null when tree-sitter is unavailable, ran out of
    /// <paramref name="budget"/> or gave up. Throws when cancelled.
    /// </summary>
    public ImmutableArray<Token>? Tokenize(SourceText text, TimeSpan budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (text.Text.Length == 0)
            return ImmutableArray<Token>.Empty;
        if (language.Value.Language is not { } python)
            return null;

        var parseBudget = new ParseBudget(budget == Timeout.InfiniteTimeSpan ? TimeSpan.MaxValue : budget, cancellationToken);
        var reader = idleReaders.TryTake(out var idle) ? idle : new PythonLeafReader(python);
        PythonLeaves? leaves;
        try
        {
            leaves = reader.Read(WithUnixLineBreaks(text.Text), parseBudget);
        }
        finally
        {
            Return(reader);
        }

        return leaves is null ? null : new Builder(text, python.Grammar, leaves).Build();
    }

    /// <summary>
    /// The text with each lone <c>\r</c> (a line break for CPython) made <c>\n</c>, which is all tree-sitter-python knows:
    /// its comments run to <c>\n</c>. Same length, same UTF-8 layout, so offsets hold; "\r\n" is kept and a comment's
    /// trailing <c>\r</c> is cut off when its token is made.
    /// </summary>
    private static string WithUnixLineBreaks(string text)
    {
        var first = text.IndexOf('\r', StringComparison.Ordinal);
        if (first < 0)
            return text;
        var chars = text.ToCharArray();
        for (var i = first; i < chars.Length; i++)
        {
            if (chars[i] == '\r' && (i + 1 == chars.Length || chars[i + 1] != '\n'))
                chars[i] = '\n';
        }

        return new string(chars);
    }

    public void Dispose()
    {
        disposed = true;
        while (idleReaders.TryTake(out var reader))
            reader.Dispose();
    }

    private void Return(PythonLeafReader reader)
    {
        if (!disposed && idleReaders.Count < maxIdleReaders)
            idleReaders.Add(reader);
        else
            reader.Dispose();
    }

    /// <summary>
    /// Turns the leaves of one text into tokens; short texts (keywords, names) are shared within the file. Tokens come
    /// in order, so their lines are found by walking forward, not by a search per token.
    /// </summary>
    private sealed class Builder(SourceText text, PythonGrammar grammar, PythonLeaves leaves)
    {
#if NET
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> interned =
            new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
#else
        // netstandard2.0 (the analyzer package) has no alternate lookups: the package's SpanKeyedStrings stands in.
        private readonly SpanKeyedStrings interned = new();
#endif

        private readonly int lastLine = text.LineOf(text.Text.Length);
        private int line = 1;

        public ImmutableArray<Token> Build()
        {
            var tokens = ImmutableArray.CreateBuilder<Token>(leaves.Count);
            var previousEnd = 0;
            for (var leaf = 0; leaf < leaves.Count; leaf++)
            {
                var start = leaves.Start(leaf);
                var end = leaves.End(leaf);
                // tree-sitter leaves come in order; a grammar quirk must still not break the model's promise.
                if (start < previousEnd || end <= start)
                    continue;
                var kind = grammar.Class(leaves.Symbol(leaf));
                switch (kind)
                {
                    case PythonSymbolClass.Skipped:
                        continue;
                    case PythonSymbolClass.Error:
                        AddUnreadable(tokens, start, end);
                        break;
                    case PythonSymbolClass.Keyword when IsDot(leaf, start) && IsDot(leaf + 1, start + 1) && IsDot(leaf + 2, start + 2):
                        // "from ... import x": the grammar reads three dots, CPython's tokenize one "..." (as everywhere).
                        end = start + 3;
                        leaf += 2;
                        tokens.Add(Create(TokenKind.Keyword, start, end));
                        break;
                    case PythonSymbolClass.Comment:
                        // tree-sitter's comment runs to "\n", so in a CRLF file it ends with the "\r".
                        while (end > start && text.Text[end - 1] == '\r')
                            end--;
                        tokens.Add(Create(TokenKind.Comment, start, end));
                        break;
                    default:
                        tokens.Add(Create(TokenKindOf(kind), start, end));
                        break;
                }

                previousEnd = end;
            }

            return tokens.Count == tokens.Capacity ? tokens.MoveToImmutable() : tokens.ToImmutable();
        }

        private bool IsDot(int leaf, int at) =>
            leaf < leaves.Count && leaves.Start(leaf) == at && leaves.End(leaf) == at + 1 && text.Text[at] == '.';

        /// <summary>Text tree-sitter skipped over (<c>$</c>, <c>?</c>, a NUL): each white-space-separated run is a token.</summary>
        private void AddUnreadable(ImmutableArray<Token>.Builder tokens, int start, int end)
        {
            var chars = text.Text.AsSpan();
            var at = start;
            while (at < end)
            {
                while (at < end && char.IsWhiteSpace(chars[at]))
                    at++;
                var runStart = at;
                while (at < end && !char.IsWhiteSpace(chars[at]))
                    at++;
                if (at > runStart)
                    tokens.Add(Create(ClassOfRun(chars[runStart..at]), runStart, at));
            }
        }

        private static TokenKind ClassOfRun(ReadOnlySpan<char> run)
        {
            var first = run[0];
            if (char.IsLetter(first) || first == '_')
                return TokenKindOf(PythonGrammar.ClassOfWord(run));
            if (char.IsDigit(first) || first is '\'' or '"')
                return TokenKind.Literal;
            return first == '#' ? TokenKind.Comment : TokenKind.Keyword;
        }

        private static TokenKind TokenKindOf(PythonSymbolClass kind) => kind switch
        {
            PythonSymbolClass.Identifier => TokenKind.Identifier,
            PythonSymbolClass.Literal or PythonSymbolClass.String => TokenKind.Literal,
            PythonSymbolClass.Comment => TokenKind.Comment,
            _ => TokenKind.Keyword,
        };

        private Token Create(TokenKind kind, int start, int end)
        {
            // The same span as text.Span(start, end): the line of an offset is the last line starting at or before it.
            while (line < lastLine && text.LineStart(line + 1) <= start)
                line++;
            var startLine = line;
            while (line < lastLine && text.LineStart(line + 1) <= end)
                line++;
            var span = new SourceSpan(start, end - start, startLine, start - text.LineStart(startLine) + 1, line, end - text.LineStart(line) + 1);
            return new Token(kind, Text(start, end), span);
        }

        private string Text(int start, int end)
        {
            if (end - start > MaxInternedLength)
                return text.Text.Substring(start, end - start);
            var slice = text.Text.AsSpan(start, end - start);
            if (interned.TryGetValue(slice, out var known))
                return known;
            var created = slice.ToString();
            interned[created] = created;
            return created;
        }
    }
}
