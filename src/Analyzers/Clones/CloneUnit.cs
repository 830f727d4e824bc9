namespace Consolidate.Analyzers.Clones;

/// <summary>
/// A file or a syntactic unit (function, method, class, stage) that may be a clone-class member: where it is, the
/// exact and renamed hashes of its whole code-token sequence, and its size without boilerplate. Its near-clone
/// sequence is <see cref="FileFingerprint.Filtered"/>[FilteredStart..FilteredEnd); no token copies are kept.
/// </summary>
internal sealed class CloneUnit
{
    public CloneUnit(FileFingerprint file, UnitKind kind, string? symbol, int startLine, int endLine, int tokenStart, int tokenEnd, CloneUnit? parent = null)
        : this(file, kind, symbol, startLine, endLine, tokenStart, tokenEnd, file.FilteredBefore[tokenStart], file.FilteredBefore[tokenEnd],
            file.ExactHash(tokenStart, tokenEnd), file.RenamedHash(tokenStart, tokenEnd), file.CodeLines(tokenStart, tokenEnd).Lines, parent)
    {
    }

    /// <summary>A unit as <see cref="UnitFactsCodec"/> stored it: the same values the other constructor works out.</summary>
    public CloneUnit(FileFingerprint file, UnitKind kind, string? symbol, int startLine, int endLine, int tokenStart, int tokenEnd, int filteredStart, int filteredEnd, ulong exactHash, ulong renamedHash, int codeLines, CloneUnit? parent)
    {
        File = file;
        Parent = parent;
        Kind = kind;
        Symbol = symbol;
        StartLine = startLine;
        EndLine = endLine;
        TokenStart = tokenStart;
        TokenEnd = tokenEnd;
        FilteredStart = filteredStart;
        FilteredEnd = filteredEnd;
        ExactHash = exactHash;
        RenamedHash = renamedHash;
        CodeLines = codeLines;
    }

    public FileFingerprint File { get; }

    /// <summary>The unit this one is nested in (the file for a top-level function), null for a file.</summary>
    public CloneUnit? Parent { get; }

    public UnitKind Kind { get; }

    public string? Symbol { get; }

    public int StartLine { get; }

    public int EndLine { get; }

    public int TokenStart { get; }

    public int TokenEnd { get; }

    public int FilteredStart { get; }

    public int FilteredEnd { get; }

    public ulong ExactHash { get; }

    public ulong RenamedHash { get; }

    public int CodeLines { get; }

    public int CodeTokens => FilteredEnd - FilteredStart;

    public string Path => File.File.Path;

    public ReadOnlySpan<ulong> Filtered => File.Filtered.AsSpan(FilteredStart, FilteredEnd - FilteredStart);

    public ReadOnlySpan<ulong> FilteredNames => File.FilteredNames.AsSpan(FilteredStart, FilteredEnd - FilteredStart);

    /// <summary>
    /// 5-gram keys of <see cref="Filtered"/> (grams crossing the unit's end left out), computed when asked (for a unit that
    /// is verified; the signature hashes them as it goes): storing them would cost 8 bytes a token.
    /// </summary>
    public ulong[] Grams() => TokenTiling.Grams(Filtered);

    /// <summary>The sorted 5-grams, built on first use (several threads may race to build it; any result is the same).</summary>
    public TokenTiling.SortedGrams SortedGrams
    {
        get
        {
            var grams = sortedGrams;
            if (grams is null)
            {
                grams = new TokenTiling.SortedGrams(Grams());
                Interlocked.CompareExchange(ref sortedGrams, grams, null);
            }

            return grams;
        }
    }

    private TokenTiling.SortedGrams? sortedGrams;

    /// <summary>Lets the sorted 5-grams go (12 bytes a token) once this unit's pairs are verified; asked again, they are rebuilt.</summary>
    public void ReleaseSortedGrams() => sortedGrams = null;

    /// <summary>
    /// A hash of what the near-clone similarity reads of this unit (<see cref="Filtered"/> and
    /// <see cref="FilteredNames"/>): the unit's half of a <see cref="SimilarityMemo"/> key, computed on first use.
    /// </summary>
    public ulong NearKey
    {
        get
        {
            // Threads may race to compute it; the value is the same, and the flag is published after it.
            if (!Volatile.Read(ref nearKeyKnown))
            {
                nearKey = StableHash.Combine(StableHash.Sequence(Filtered), StableHash.Sequence(FilteredNames));
                Volatile.Write(ref nearKeyKnown, true);
            }

            return nearKey;
        }
    }

    private ulong nearKey;
    private bool nearKeyKnown;

    /// <summary>Sets <see cref="NearKey"/> to the value cached facts stored for this unit (before any thread reads it).</summary>
    public void RestoreNearKey(ulong key)
    {
        nearKey = key;
        nearKeyKnown = true;
    }

    /// <summary>
    /// The MinHash signature of <see cref="Filtered"/> (<see cref="MinHashSignature.OfTokens"/>; null when shorter than a
    /// 5-gram): the one cached facts stored for this unit, handed over once and let go, or else computed now. Not kept:
    /// the clone index needs it only until the near-clone candidates are found.
    /// </summary>
    public uint[]? TakeSignature()
    {
        if (!signatureRestored)
            return MinHashSignature.OfTokens(Filtered);
        var taken = signature;
        signature = null;
        signatureRestored = false;
        return taken;
    }

    private uint[]? signature;
    private bool signatureRestored;

    /// <summary>Sets the signature <see cref="TakeSignature"/> hands over to the value cached facts stored for this unit.</summary>
    public void RestoreSignature(uint[]? value)
    {
        signature = value;
        signatureRestored = true;
    }

    /// <summary>
    /// The similarity of two units through <paramref name="memo"/>: remembered when an earlier scan (or an earlier pair
    /// of this scan) tiled the same two sequences at the same threshold, else computed and added.
    /// </summary>
    public static double Similarity(CloneUnit a, CloneUnit b, TokenTiling.Scratch scratch, double threshold, SimilarityMemo? memo)
    {
        if (memo is null)
            return Similarity(a, b, scratch, threshold);
        var key = SimilarityMemo.Key(a.NearKey, b.NearKey, threshold);
        if (memo.TryGet(key, out var remembered))
            return remembered;
        var similarity = Similarity(a, b, scratch, threshold);
        memo.Add(key, similarity);
        return similarity;
    }

    /// <summary>The near-clone similarity of two units (<see cref="TokenTiling"/>); below <paramref name="threshold"/> it may be a bound.</summary>
    public static double Similarity(CloneUnit a, CloneUnit b, TokenTiling.Scratch scratch, double threshold = 0) =>
        TokenTiling.Similarity(
            new TokenTiling.Sequence(a.Filtered, a.FilteredNames, a.SortedGrams),
            new TokenTiling.Sequence(b.Filtered, b.FilteredNames, b.SortedGrams),
            FileFingerprint.IdentifierPlaceholder,
            threshold,
            scratch);

    public bool IsLargeEnough(CloneOptions options) => CodeTokens >= options.MinTokens && CodeLines >= options.MinLines;

    public CloneMember ToMember() => new(Path, StartLine, EndLine, Symbol);
}
