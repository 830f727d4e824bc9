using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Tests.Caching;

namespace Consolidate.Analyzers.Tests.Clones;

/// <summary>
/// Each file's clone facts kept between builds (<see cref="IUnitFactsCache"/>): a build that meets a file unchanged,
/// with the same lines common, takes its facts instead of reading it, and finds exactly the classes a build without them
/// finds; anything the second pass reads that changes gives the file a new key.
/// </summary>
public sealed class UnitFactsTests
{
    private static readonly (string Path, string Text)[] Files =
    [
        ("a/deploy.py", CloneSamples.PythonDeploy + "\n\n" + CloneSamples.PythonReport),
        ("b/deploy.py", CloneSamples.PythonDeployNear + "\n\n" + CloneSamples.PythonReport),
        ("c/launch.py", CloneSamples.PythonDeployRenamed),
        ("build.sh", CloneSamples.ShellBuild),
        ("tools/build.sh", CloneSamples.ShellBuildRenamed),
        ("Dockerfile", CloneSamples.DockerfileApp),
        ("web/Dockerfile", CloneSamples.DockerfileApp),
    ];

    [Fact]
    public void A_second_build_restores_every_file_and_finds_the_same_classes()
    {
        var plain = Build(null, Files);
        var store = new MemoryFacts();
        var first = Build(store, Files);
        var stored = store.Stores;

        // No similarity memo: the near pairs are tiled again, so the restored files are read again for their sequences.
        var second = Build(store, Files);

        Assert.Equal(Files.Length, stored);
        Assert.Equal(Files.Length, store.Hits);
        Assert.Equal(stored, store.Stores);
        Assert.Contains(plain, c => c.Kind == CloneKind.Near);
        Assert.Contains(plain, c => c.Scope == CloneScope.Fragment);
        DeepEquality.AssertEqual(plain, first);
        DeepEquality.AssertEqual(plain, second);
    }

    [Fact]
    public void Restored_facts_are_believed_as_they_are()
    {
        var store = new MemoryFacts();
        Build(store, Files);
        // b/deploy.py's file unit stored with a/deploy.py's hashes: believed, the two files are one exact class, which
        // reading b/deploy.py again would never give.
        var (key, facts) = store.Entries[("b/deploy.py", Language.Python)];
        store.Entries[("b/deploy.py", Language.Python)] = (key, WithFileHashesOf(store.Entries[("a/deploy.py", Language.Python)].Facts, facts));

        var clusters = Build(store, Files);

        Assert.Equal(Files.Length, store.Hits);
        Assert.DoesNotContain(Build(null, Files), c => c.Scope == CloneScope.File && c.Kind == CloneKind.Exact && c.Members.Any(m => m.Path == "b/deploy.py"));
        Assert.True(clusters.Any(c => c.Scope == CloneScope.File && c.Kind == CloneKind.Exact && c.Members.Select(m => m.Path).SequenceEqual(["a/deploy.py", "b/deploy.py"])), CloneRun.Describe(clusters));
    }

    [Fact]
    public void A_file_whose_lines_become_common_gets_new_facts_and_the_others_keep_theirs()
    {
        const string Shared = "settings = load_settings(environment, overrides)\n";
        var before = Files.Append(("d/shared.py", Shared + CloneSamples.PythonParse)).ToArray();
        var store = new MemoryFacts();
        Build(store, before);
        var keyBefore = store.Entries[("d/shared.py", Language.Python)].Key;
        var otherBefore = store.Entries[("a/deploy.py", Language.Python)].Key;

        // Ten more files with the same first line: it is common now, so d/shared.py's boilerplate marks change.
        var after = before.Concat(Enumerable.Range(0, 10).Select(i => ($"e/m{i}.py", Shared + $"value_{i} = compute_{i}(settings)\n"))).ToArray();
        var hits = store.Hits;
        var clusters = Build(store, after);

        Assert.NotEqual(keyBefore, store.Entries[("d/shared.py", Language.Python)].Key);
        Assert.Equal(otherBefore, store.Entries[("a/deploy.py", Language.Python)].Key);
        Assert.Equal(Files.Length, store.Hits - hits);
        DeepEquality.AssertEqual(Build(null, after), clusters);
    }

    [Fact]
    public void Other_size_minimums_and_other_file_content_give_other_keys()
    {
        var store = new MemoryFacts();
        Build(store, Files);

        Build(store, Files, new CloneOptions { MinTokens = 40 });
        Assert.Equal(0, store.Hits);
        Build(store, Files);
        Assert.Equal(0, store.Hits);

        var edited = Files.Select(f => f.Path == "build.sh" ? (f.Path, f.Text + "echo done\n") : f).ToArray();
        var hits = store.Hits;
        DeepEquality.AssertEqual(Build(null, edited), Build(store, edited));
        Assert.Equal(Files.Length - 1, store.Hits - hits);
    }

    [Fact]
    public void Facts_that_do_not_read_back_are_not_used_and_are_stored_again()
    {
        var store = new MemoryFacts();
        var plain = Build(store, Files);
        var (key, facts) = store.Entries[("a/deploy.py", Language.Python)];
        store.Entries[("a/deploy.py", Language.Python)] = (key, facts[..(facts.Length / 2)]);
        var stores = store.Stores;

        var rebuilt = Build(store, Files);

        DeepEquality.AssertEqual(plain, rebuilt);
        Assert.Equal(stores + 1, store.Stores);
        Assert.Equal(facts, store.Entries[("a/deploy.py", Language.Python)].Facts);
    }

    [Fact]
    public void Every_truncation_of_stored_facts_is_refused_without_an_exception()
    {
        var store = new MemoryFacts();
        Build(store, Files);
        var facts = store.Entries[("b/deploy.py", Language.Python)].Facts;
        var file = WithDigest(TestTokenBuilder.File("b/deploy.py", Files[1].Text));

        for (var length = 0; length < facts.Length; length++)
            Assert.False(UnitFactsCodec.TryRead(facts.AsSpan(0, length), file, 0, () => throw new InvalidOperationException(), [], [], out _), $"length {length}");
        Assert.True(UnitFactsCodec.TryRead(facts, file, 0, () => throw new InvalidOperationException(), [], [], out _));
    }

    [Fact]
    public void Files_no_cache_holds_are_read_every_time()
    {
        var store = new MemoryFacts();
        var files = TestTokenBuilder.Files(Files);

        CloneIndex.Build(files, new CloneOptions(), null, CancellationToken.None, unitFacts: store);

        Assert.Equal(0, store.Loads);
        Assert.Equal(0, store.Stores);
    }

    private static ImmutableArray<CloneCluster> Build(MemoryFacts? store, (string Path, string Text)[] files, CloneOptions? options = null) =>
        CloneIndex.Build(TestTokenBuilder.Files(files).Select(WithDigest).ToList(), options ?? new CloneOptions(), null, CancellationToken.None, unitFacts: store);

    /// <summary>The file as the parse cache hands it over: with a digest of what it was parsed from.</summary>
    private static FileModel WithDigest(FileModel file) =>
        file.Parsed is null ? file : file with
        {
            Parsed = file.Parsed with { CacheDigest = BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(file.Path + "\n" + file.Text!.Text))) },
        };

    /// <summary><paramref name="target"/> with its file unit's exact and renamed hashes taken from <paramref name="source"/>.</summary>
    private static byte[] WithFileHashesOf(byte[] source, byte[] target)
    {
        var copy = (byte[])target.Clone();
        source.AsSpan(FileUnitHashOffset(source), 16).CopyTo(copy.AsSpan(FileUnitHashOffset(target)));
        return copy;
    }

    /// <summary>Offset of the first unit's exact hash: after the format, the string table, three counts, the kind, and the symbol and six positions (varints).</summary>
    private static int FileUnitHashOffset(byte[] facts)
    {
        var at = 1;
        var strings = ReadVarint(facts, ref at);
        for (var s = 0; s < strings; s++)
        {
            var length = ReadVarint(facts, ref at);
            at += length;
        }

        for (var field = 0; field < 3; field++)
            ReadVarint(facts, ref at);
        at++;
        for (var field = 0; field < 7; field++)
            ReadVarint(facts, ref at);
        return at;
    }

    private static int ReadVarint(byte[] data, ref int at)
    {
        var value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[at++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
                return value;
        }
    }

    /// <summary>An in-memory store: one entry per path and language, as the parse cache keeps them.</summary>
    private sealed class MemoryFacts : IUnitFactsCache
    {
        public Dictionary<(string Path, Language Language), (ulong Key, byte[] Facts)> Entries { get; } = [];

        public int Loads { get; private set; }

        public int Hits { get; private set; }

        public int Stores { get; private set; }

        public byte[]? LoadUnitFacts(string path, Language language, ulong key)
        {
            lock (Entries)
            {
                Loads++;
                if (!Entries.TryGetValue((path, language), out var entry) || entry.Key != key)
                    return null;
                Hits++;
                return entry.Facts;
            }
        }

        public void StoreUnitFacts(string path, Language language, ulong key, byte[] facts)
        {
            lock (Entries)
            {
                Stores++;
                Entries[(path, language)] = (key, facts);
            }
        }
    }
}
