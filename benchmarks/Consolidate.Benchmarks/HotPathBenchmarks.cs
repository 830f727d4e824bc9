using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Consolidate.Analyzers.Caching;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Model;

namespace Consolidate.Benchmarks;

/// <summary>
/// Micro-benchmarks of the scan's hot paths on one synthetic 2,000-line Python-like text (run with
/// <c>dotnet run -c Release --project benchmarks/Consolidate.Benchmarks -- --filter '*HotPath*'</c>): token storage
/// (compaction and rebuilding), text hashing, MinHash signatures and LSH candidates, tiling verification and the cache
/// layout. Quote them as ratios to each other, as the macro benchmark quotes ratios to read-all.
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private SourceText text = null!;
    private ImmutableArray<Token> tokens;
    private TokenTable table = null!;
    private ParsedSource parsed = null!;
    private byte[] entry = [];
    private ulong[] sequenceA = [];
    private ulong[] sequenceB = [];
    private ulong[][] grams = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        string[] words = ["self", "value", "items", "result", "config", "client", "request", "index", "name", "data"];
        var builder = new System.Text.StringBuilder();
        for (var line = 0; line < 2000; line++)
            builder.Append("    ").Append(words[random.Next(words.Length)]).Append(" = ").Append(words[random.Next(words.Length)]).Append('.')
                .Append(words[random.Next(words.Length)]).Append('(').Append(random.Next(1000)).Append(", \"").Append(words[random.Next(words.Length)]).Append("\")  # note\n");
        text = new SourceText(builder.ToString());
        var list = ImmutableArray.CreateBuilder<Token>();
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(text.Text, @"#[^\n]*|""[^""]*""|\w+|[^\s\w]"))
        {
            var kind = match.Value[0] == '#' ? TokenKind.Comment : match.Value[0] == '"' || char.IsDigit(match.Value[0]) ? TokenKind.Literal
                : char.IsLetter(match.Value[0]) ? TokenKind.Identifier : TokenKind.Keyword;
            list.Add(new Token(kind, match.Value, text.Span(match.Index, match.Index + match.Length)));
        }

        tokens = list.ToImmutable();
        table = TokenTable.Compact(text, tokens);
        parsed = new ParsedSource(SyntaxNode.Leaf(NodeKind.File, "Module", text.Span(0, text.Length)), tokens, [], null, []).CompactTokens(text);
        var writer = new EntryWriter();
        ParseResultCodec.Write(writer, ParseStatus.Ok, null, parsed);
        entry = writer.Written.ToArray();
        sequenceA = tokens.Where(t => t.Kind != TokenKind.Comment).Select(t => StableHash.Text(t.Kind == TokenKind.Identifier ? "<id>" : t.Text)).ToArray();
        sequenceB = sequenceA.Select((h, i) => i % 17 == 0 ? StableHash.Mix(h) : h).ToArray();
        grams = Enumerable.Range(0, 256).Select(i => TokenTiling.Grams(sequenceA.AsSpan(i * 37 % (sequenceA.Length - 600), 500))).ToArray();
    }

    [Benchmark]
    public int CompactTokens() => TokenTable.Compact(text, tokens).Count;

    [Benchmark]
    public int RebuildTokens() => TokenTable.Compact(text, tokens).Tokens.Length;

    [Benchmark]
    public ulong HashTokenTexts()
    {
        var hash = 0UL;
        for (var i = 0; i < table.Count; i++)
            hash ^= StableHash.Text(table.TextAt(i));
        return hash;
    }

    [Benchmark]
    public int MinHashAndLsh()
    {
        var signatures = grams.Select(g => MinHashSignature.Compute(g)).ToList();
        return NearCandidates.Find(signatures, signatures.Select(_ => 1UL).ToList(), grams.Select(g => g.Length + 4).ToList(), 0.8, CancellationToken.None).Length;
    }

    [Benchmark]
    public double TileSimilarity() => TokenTiling.Similarity(sequenceA, sequenceA, sequenceB, sequenceB, StableHash.Text("<id>"));

    [Benchmark]
    public int WriteCacheEntry()
    {
        var writer = new EntryWriter();
        ParseResultCodec.Write(writer, ParseStatus.Ok, null, parsed);
        return writer.Written.Length;
    }

    [Benchmark]
    public int ReadCacheEntry() => ParseResultCodec.Read(entry, text).Parsed!.TokenTable.Count;
}
