using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Consolidate.Analyzers.Model;

/// <summary>
/// A file's tokens stored compactly once the file is parsed: a kind, an offset and a length per token (9 bytes), the
/// text and the lines and columns derived from the file's <see cref="SourceText"/> when someone asks. A token held as
/// a <see cref="Token"/> costs about 60 bytes plus its string, and a scan holds millions of them; most are read once
/// (clone fingerprints, a rule or two), so <see cref="Tokens"/> rebuilds them on demand and keeps the result only
/// weakly. A token whose text or span does not follow from the file (never the case for the frontends, which slice
/// the text) is kept as it is, so nothing read back ever differs from what the frontend produced.
/// </summary>
public sealed class TokenTable
{
    private const int MaxInternedLength = 32;

    private readonly SourceText? text;
    private readonly byte[] kinds;
    private readonly int[] starts;
    private readonly int[] lengths;
    private readonly Dictionary<int, Token>? irregular;
    private readonly ImmutableArray<Token> plain;
    private WeakReference<Token[]>? built;

    private TokenTable(ImmutableArray<Token> tokens)
    {
        plain = tokens.IsDefault ? ImmutableArray<Token>.Empty : tokens;
        kinds = [];
        starts = [];
        lengths = [];
        Count = plain.Length;
    }

    private TokenTable(SourceText text, byte[] kinds, int[] starts, int[] lengths, Dictionary<int, Token>? irregular)
    {
        this.text = text;
        this.kinds = kinds;
        this.starts = starts;
        this.lengths = lengths;
        this.irregular = irregular;
        Count = kinds.Length;
    }

    public static TokenTable Empty { get; } = new(ImmutableArray<Token>.Empty);

    public int Count { get; }

    /// <summary>Whether the tokens are stored compactly (false: held as given).</summary>
    public bool IsCompact => text is not null;

    /// <summary>The tokens as given, unchanged (no compaction).</summary>
    public static TokenTable Of(ImmutableArray<Token> tokens) => tokens.IsDefaultOrEmpty ? Empty : new TokenTable(tokens);

    /// <summary>The tokens of <paramref name="source"/>, stored compactly.</summary>
    public static TokenTable Compact(SourceText source, ImmutableArray<Token> tokens)
    {
        if (tokens.IsDefaultOrEmpty)
            return Empty;
        var kinds = new byte[tokens.Length];
        var starts = new int[tokens.Length];
        var lengths = new int[tokens.Length];
        Dictionary<int, Token>? irregular = null;
        var cursor = new LineCursor(source);
        var chars = source.Text;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            kinds[i] = (byte)token.Kind;
            starts[i] = token.Span.Start;
            lengths[i] = token.Span.Length;
            if (!IsRegular(chars, token, ref cursor))
                (irregular ??= [])[i] = token;
        }

        return new TokenTable(source, kinds, starts, lengths, irregular);
    }

    /// <summary>The same tokens, stored compactly against <paramref name="source"/> (this table when it already is).</summary>
    public TokenTable CompactAgainst(SourceText source) => IsCompact || Count == 0 ? this : Compact(source, plain);

    /// <summary>The tokens, rebuilt when compact (and kept while anyone still holds them).</summary>
    public ImmutableArray<Token> Tokens
    {
        get
        {
            if (text is null)
                return plain;
            if (built is not null && built.TryGetTarget(out var cached))
                return ImmutableCollectionsMarshal.AsImmutableArray(cached);
            var array = Build();
            built = new WeakReference<Token[]>(array);
            return ImmutableCollectionsMarshal.AsImmutableArray(array);
        }
    }

    /// <summary>Kind of token <paramref name="index"/> without rebuilding the tokens.</summary>
    public TokenKind KindAt(int index) => text is null ? plain[index].Kind : (TokenKind)kinds[index];

    /// <summary>Offset and length of token <paramref name="index"/> without rebuilding the tokens.</summary>
    public (int Start, int Length) RangeAt(int index) =>
        text is null ? (plain[index].Span.Start, plain[index].Span.Length) : (starts[index], lengths[index]);

    /// <summary>The text of token <paramref name="index"/> without rebuilding the tokens (a slice of the file when compact).</summary>
    public ReadOnlySpan<char> TextAt(int index) => text is null ? plain[index].Text : TextAt(index, text.Text);

    /// <summary>
    /// The same, sliced from <paramref name="decoded"/>, the file's text the caller holds (its
    /// <see cref="SourceText.Text"/>): a loop over every token then skips the text's weak-reference lookup each time.
    /// </summary>
    public ReadOnlySpan<char> TextAt(int index, string decoded)
    {
        if (text is null)
            return plain[index].Text;
        if (irregular is not null && irregular.TryGetValue(index, out var whole))
            return whole.Text;
        return decoded.AsSpan(starts[index], lengths[index]);
    }

    /// <summary>The span of token <paramref name="index"/> without rebuilding the tokens.</summary>
    public SourceSpan SpanAt(int index)
    {
        if (text is null)
            return plain[index].Span;
        if (irregular is not null && irregular.TryGetValue(index, out var whole))
            return whole.Span;
        return text.Span(starts[index], starts[index] + lengths[index]);
    }

    /// <summary>
    /// <see cref="SpanAt(int)"/> for tokens read in ascending order: the lines come from a forward walk over the line
    /// index (<paramref name="cursor"/>, from <see cref="Cursor"/>), not a search per token.
    /// </summary>
    internal SourceSpan SpanAt(int index, ref LineCursor cursor)
    {
        if (text is null)
            return plain[index].Span;
        if (irregular is not null && irregular.TryGetValue(index, out var whole))
            return whole.Span;
        return cursor.Span(starts[index], starts[index] + lengths[index]);
    }

    /// <summary>A line walk for <see cref="SpanAt(int, ref LineCursor)"/> (unused by a table that is not compact).</summary>
    internal LineCursor Cursor() => text is null ? default : new LineCursor(text);

    /// <summary>
    /// The raw columns for serialization: kinds, offsets, lengths, and the tokens that must be stored whole. Only for a
    /// compact table.
    /// </summary>
    internal (byte[] Kinds, int[] Starts, int[] Lengths, IReadOnlyDictionary<int, Token>? Irregular) Columns =>
        text is null ? throw new InvalidOperationException("not compact") : (kinds, starts, lengths, irregular);

    /// <summary>A compact table from its columns (the cache reads these back); null when they do not fit the text.</summary>
    internal static TokenTable? FromColumns(SourceText source, byte[] kinds, int[] starts, int[] lengths, Dictionary<int, Token>? irregular)
    {
        if (kinds.Length != starts.Length || kinds.Length != lengths.Length)
            return null;
        for (var i = 0; i < kinds.Length; i++)
        {
            if (irregular is not null && irregular.ContainsKey(i))
                continue;
            if (kinds[i] > (byte)TokenKind.Comment || starts[i] < 0 || lengths[i] < 0 || (long)starts[i] + lengths[i] > source.Length)
                return null;
        }

        return kinds.Length == 0 ? Empty : new TokenTable(source, kinds, starts, lengths, irregular);
    }

    private Token[] Build()
    {
        var source = text!;
        var chars = source.Text;
        var result = new Token[Count];
#if NET
        var interned = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
#else
        // netstandard2.0 (the analyzer package) has no alternate lookups: the package's SpanKeyedStrings stands in.
        var interned = new SpanKeyedStrings();
#endif
        var cursor = new LineCursor(source);
        for (var i = 0; i < result.Length; i++)
        {
            if (irregular is not null && irregular.TryGetValue(i, out var whole))
            {
                result[i] = whole;
                continue;
            }

            var start = starts[i];
            var end = start + lengths[i];
            var slice = chars.AsSpan(start, end - start);
            string value;
            if (slice.Length > MaxInternedLength)
            {
                value = slice.ToString();
            }
            else if (!interned.TryGetValue(slice, out value!))
            {
                value = slice.ToString();
                interned[value] = value;
            }

            result[i] = new Token((TokenKind)kinds[i], value, cursor.Span(start, end));
        }

        return result;
    }

    private static bool IsRegular(string chars, Token token, ref LineCursor cursor)
    {
        var span = token.Span;
        if (span.Start < 0 || span.Length < 0 || (long)span.Start + span.Length > chars.Length || (uint)token.Kind > (uint)TokenKind.Comment)
            return false;
        return token.Text is not null
            && chars.AsSpan(span.Start, span.Length).SequenceEqual(token.Text)
            && cursor.Span(span.Start, span.End) == span;
    }

    /// <summary>Spans of offsets that mostly come in order: walks the line index forward, searching only on a step back.</summary>
    internal struct LineCursor(SourceText source)
    {
        private readonly int lastLine = Math.Max(1, source.LineOf(source.Length));
        private int line = 1;

        public SourceSpan Span(int start, int end)
        {
            if (start < source.LineStart(line))
                line = source.LineOf(start);
            while (line < lastLine && source.LineStart(line + 1) <= start)
                line++;
            var startLine = line;
            var endLine = line;
            while (endLine < lastLine && source.LineStart(endLine + 1) <= end)
                endLine++;
            line = startLine;
            return new SourceSpan(start, end - start, startLine, start - source.LineStart(startLine) + 1, endLine, end - source.LineStart(endLine) + 1);
        }
    }
}
