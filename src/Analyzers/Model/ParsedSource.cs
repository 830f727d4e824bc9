using System.Collections.Immutable;

namespace Consolidate.Analyzers.Model;

/// <summary>
/// What a frontend returns for one text: the normalized tree, the classed token stream (in source order, not
/// overlapping), definitions, language facts and the parse problems it recovered from. <see cref="Failed"/> means the
/// text could not be parsed at all (tree and tokens may be empty). Once the scan has the file's text it keeps the tokens
/// compactly (<see cref="CompactTokens"/>, <see cref="TokenTable"/>); <see cref="Tokens"/> reads the same either way.
/// </summary>
public sealed record ParsedSource(
    SyntaxNode Root,
    ImmutableArray<Token> Tokens,
    ImmutableArray<Symbol> Symbols,
    LanguageFacts? Facts,
    ImmutableArray<ParseIssue> Issues,
    bool Failed = false)
{
    private TokenTable table = TokenTable.Of(Tokens);

    public ImmutableArray<Token> Tokens
    {
        get => table.Tokens;
        init => table = TokenTable.Of(value);
    }

    /// <summary>The tokens' storage: their count, and kinds and offsets without rebuilding them.</summary>
    public TokenTable TokenTable => table;

    /// <summary>
    /// The file's clone line keys (<see cref="Clones.FileFingerprint.LineKeys"/>: sorted distinct hashes of its code
    /// lines, what the clone index counts document frequency on), worked out while the file's text and tokens are
    /// fresh and kept in the parse cache, so the clone index need not read every file twice; default when not worked out.
    /// </summary>
    public ImmutableArray<ulong> CloneLineKeys { get; init; }

    /// <summary>
    /// Set by the parse cache on a result it read back or stored: a digest of the entry's key (the tool, the frontend,
    /// the language, the path and the file's bytes), which determines the whole result, so the clone index can key the
    /// file's clone facts on it (<see cref="Clones.IUnitFactsCache"/>); null for a result no cache holds.
    /// </summary>
    public ulong? CacheDigest { get; init; }

    public static ParsedSource FailedWith(SourceText text, ParseIssue issue) => new(
        SyntaxNode.Leaf(NodeKind.File, "file", text.Span(0, text.Text.Length)),
        ImmutableArray<Token>.Empty,
        ImmutableArray<Symbol>.Empty,
        null,
        ImmutableArray.Create(issue),
        Failed: true);

    /// <summary>The same parse with its tokens stored compactly against <paramref name="text"/>, the text they were read from.</summary>
    public ParsedSource CompactTokens(SourceText text)
    {
        if (table.IsCompact || table.Count == 0)
            return this;
        var copy = this with { };
        copy.table = table.CompactAgainst(text);
        return copy;
    }

    /// <summary>The same parse over an already built token table (the cache reads tables back compact).</summary>
    internal ParsedSource WithTokenTable(TokenTable tokens)
    {
        var copy = this with { };
        copy.table = tokens;
        return copy;
    }
}
