using System.Collections.Immutable;
using Consolidate.Analyzers.Caching;
using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Scanning;
using Consolidate.Analyzers.Tests.Catalog;
using CsCheck;

namespace Consolidate.Analyzers.Tests.Caching;

/// <summary>The cache's binary layout gives back exactly what the frontends produced, and nothing but a clean refusal for damaged bytes.</summary>
public sealed class ParseResultCodecTests
{
    /// <summary>Every text the tests and samples hold: all four languages, CRLF, BOMs, Latin-1, syntax errors, heredocs.</summary>
    private static readonly string[] Folders = ["samples", "tests/Fixtures", "tests/Analyzers.Tests/Frontends/Dockerfile/Corpus"];

    [Fact]
    public void Every_parsed_file_of_the_fixtures_and_samples_reads_back_field_for_field()
    {
        using var frontends = FrontendFactory.Create(new FrontendOptions { PythonWorkers = 2 });
        var checkedFiles = 0;
        var languages = new HashSet<Language>();
        foreach (var folder in Folders)
        {
            foreach (var file in new RepositoryScanner(new ScanOptions()).Scan(Path.Combine(RuleCatalogTests.RepoRoot, folder), CancellationToken.None))
            {
                if (file.Document is null || frontends.For(file.Language) is not { } frontend)
                    continue;
                var parsed = frontend.Parse(file.Document, CancellationToken.None);
                var stored = parsed.CompactTokens(file.Document.Text);
                var writer = new EntryWriter();
                ParseResultCodec.Write(writer, file.Status, file.Reason, stored);

                var (status, reason, read) = ParseResultCodec.Read(writer.Written, file.Document.Text);

                Assert.Equal(file.Status, status);
                Assert.Equal(file.Reason, reason);
                DeepEquality.AssertEqual(stored, read, file.Path);
                DeepEquality.AssertEqual(parsed.Tokens, read!.Tokens, file.Path + " tokens as parsed");
                checkedFiles++;
                languages.Add(file.Language);
            }
        }

        Assert.True(checkedFiles > 100, $"only {checkedFiles} files checked");
        Assert.Equal([Language.Python, Language.Shell, Language.Dockerfile, Language.Compose, Language.CSharp], languages.Order());
    }

    [Fact]
    public void A_file_without_parse_result_and_hand_made_odd_values_read_back()
    {
        var text = new SourceText("a\r\nb\n");
        var odd = new ParsedSource(
            new SyntaxNode(NodeKind.File, "file", text.Span(0, 5), null, default),
            [new Token(TokenKind.Literal, "not the slice", text.Span(0, 1)), new Token(TokenKind.Identifier, "b", text.Span(3, 4))],
            [new Symbol(SymbolKind.Service, "svc", null, text.Span(3, 4))],
            new DockerfileFacts(
                new Dictionary<string, string> { ["escape"] = "`" }.ToImmutableDictionary(),
                [new DockerInstruction("ARG", [], "X=1", text.Span(0, 1), default, [], text.Span(0, 1))],
                []),
            [new ParseIssue(2, 1, "odd", IsNote: true)],
            Failed: true).CompactTokens(text);

        foreach (var (status, reason, parsed) in new (ParseStatus, string?, ParsedSource?)[] { (ParseStatus.Skipped, "binary", null), (ParseStatus.Recovered, null, odd) })
        {
            var writer = new EntryWriter();
            ParseResultCodec.Write(writer, status, reason, parsed);
            var read = ParseResultCodec.Read(writer.Written, text);
            Assert.Equal(status, read.Status);
            Assert.Equal(reason, read.Reason);
            DeepEquality.AssertEqual(parsed, read.Parsed);
        }
    }

    [Fact]
    public void A_writer_reset_between_entries_writes_each_as_a_new_writer_would()
    {
        // The cache reuses a writer entry after entry: a reset must forget the string table (else later entries refer
        // to strings they never wrote) and the bytes, including after an entry big enough to drop its buffer (over
        // 1 MB) and its table (over 4,096 strings).
        var text = new SourceText("x = 1\n");
        var span = text.Span(0, 1);
        var big = new ParsedSource(
            new SyntaxNode(NodeKind.File, "file", span, null, [.. Enumerable.Range(0, 6_000).Select(i =>
                SyntaxNode.Leaf(NodeKind.Statement, i % 2 == 0 ? "statement" : "expression", span, $"name {i} {new string('n', 200)}"))]),
            [], [new Symbol(SymbolKind.Function, "x", null, span)], null, [new ParseIssue(1, 1, "a note", IsNote: true)]).CompactTokens(text);
        var small = new ParsedSource(
            new SyntaxNode(NodeKind.File, "file", span, null, [SyntaxNode.Leaf(NodeKind.Statement, "statement", span, "name 1")]),
            [], [new Symbol(SymbolKind.Function, "x", null, span)], null, []).CompactTokens(text);
        var entries = new (ParseStatus Status, string? Reason, ParsedSource? Parsed)[]
        {
            (ParseStatus.Ok, null, small), (ParseStatus.Ok, null, big), (ParseStatus.Ok, null, small),
            (ParseStatus.Skipped, "binary", null), (ParseStatus.Recovered, "statement", big), (ParseStatus.Ok, null, small),
        };

        using var reused = new EntryWriter();
        foreach (var (status, reason, parsed) in entries)
        {
            var fresh = new EntryWriter();
            ParseResultCodec.Write(fresh, status, reason, parsed);
            ParseResultCodec.Write(reused, status, reason, parsed);

            Assert.True(fresh.Written.SequenceEqual(reused.Written));
            DeepEquality.AssertEqual(parsed, ParseResultCodec.Read(reused.Written, text).Parsed);
            reused.Reset();
            fresh.Dispose();
        }

        Assert.True(new EntryWriter().Written.IsEmpty);
    }

    [Fact]
    public void A_tree_ten_thousand_deep_and_a_node_with_ten_thousand_children_read_back()
    {
        var text = new SourceText("x\n");
        var span = text.Span(0, 1);
        var deep = SyntaxNode.Leaf(NodeKind.Statement, "leaf", span);
        for (var i = 0; i < 10_000; i++)
            deep = new SyntaxNode(NodeKind.Block, i % 2 == 0 ? "block" : "body", span, i % 3 == 0 ? $"n{i}" : null, [deep]);
        var wide = new SyntaxNode(NodeKind.Function, "wide", span, "f", [.. Enumerable.Range(0, 10_000).Select(i =>
            new SyntaxNode(NodeKind.Statement, $"s{i % 7}", text.Span(i % 2, 1), null, i % 2 == 0 ? default : ImmutableArray<SyntaxNode>.Empty))]);
        var root = new SyntaxNode(NodeKind.File, "file", text.Span(0, 2), null, [deep, wide, SyntaxNode.Leaf(NodeKind.Other, "end", span)]);
        var writer = new EntryWriter();
        ParseResultCodec.Write(writer, ParseStatus.Ok, null, new ParsedSource(root, [], [], null, []).CompactTokens(text));

        var read = ParseResultCodec.Read(writer.Written, text).Parsed!.Root;

        // Pairwise, without recursion: DeepEquality would recurse 10,000 levels.
        var pending = new Stack<(SyntaxNode Expected, SyntaxNode Actual)>([(root, read)]);
        var compared = 0;
        while (pending.TryPop(out var pair))
        {
            var (expected, actual) = pair;
            Assert.Equal((expected.Kind, expected.RawKind, expected.Span, expected.Name), (actual.Kind, actual.RawKind, actual.Span, actual.Name));
            Assert.Equal(expected.Children.IsDefault, actual.Children.IsDefault);
            compared++;
            if (expected.Children.IsDefault)
                continue;
            Assert.Equal(expected.Children.Length, actual.Children.Length);
            for (var i = 0; i < expected.Children.Length; i++)
                pending.Push((expected.Children[i], actual.Children[i]));
        }

        // The file, the chain and its leaf, the wide node and its children, the last leaf.
        Assert.Equal(1 + 10_001 + 1 + 10_000 + 1, compared);
    }

    [Fact]
    public void Nodes_claiming_more_children_than_the_entry_can_hold_are_refused_before_their_arrays_are_made()
    {
        // Each node claims 50,000 children, which the padding after them leaves room for one count at a time: only
        // the children still owed, added up, show that the entry cannot hold them (otherwise 1,000 arrays of 50,000).
        var writer = new EntryWriter();
        writer.Byte((byte)ParseStatus.Ok);
        writer.String(null);
        writer.Bool(true);
        writer.Bool(false);
        writer.Int(1);
        writer.Byte(0);
        writer.Int(1);
        for (var i = 0; i < 1_000; i++)
        {
            writer.Byte((byte)NodeKind.Block);
            writer.String("block");
            writer.String(null);
            writer.Span(default);
            writer.Int(50_000 + 1);
        }

        writer.Bytes(new byte[100_000]);
        var bytes = writer.Written.ToArray();
        var text = new SourceText("x\n");

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<CorruptEntryException>(() => ParseResultCodec.Read(bytes, text));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 10_000_000, "child arrays were made for children the entry cannot hold");
    }

    [Fact]
    public void Damaged_bytes_are_refused_with_a_corrupt_entry_error_never_another_exception()
    {
        var text = new SourceText("#!/bin/sh\nset -e\nif [ -f x ]; then\n  . ./lib.sh\nfi\necho \"$HOME\" > /tmp/out\n");
        using var frontends = FrontendFactory.Create(new FrontendOptions { PythonWorkers = 1 });
        var parsed = frontends.For(Language.Shell)!.Parse(new SourceDocument("x.sh", Language.Shell, System.Text.Encoding.UTF8.GetBytes(text.Text), text, null), CancellationToken.None);
        var writer = new EntryWriter();
        ParseResultCodec.Write(writer, ParseStatus.Ok, null, parsed.CompactTokens(text));
        var good = writer.Written.ToArray();

        Gen.Select(Gen.Int[0, good.Length - 1], Gen.Byte, Gen.Int[0, good.Length]).Sample((at, value, cut) =>
        {
            var bad = good.ToArray();
            bad[at] ^= (byte)(value | 1);
            foreach (var bytes in new[] { bad, good[..cut], bad[..cut] })
            {
                try
                {
                    ParseResultCodec.Read(bytes, text);
                }
                catch (CorruptEntryException)
                {
                    // Refused: the cache parses the file again.
                }
            }
        });
    }
}
