using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Clones;

/// <summary>
/// Finds clone classes of whole files and of fragments (functions, methods, classes, Dockerfile stages and runs of
/// statements) in Python, shell, Dockerfile, compose and C# files (C# and files without a frontend are lexed by
/// <see cref="FallbackLexer"/> and only compared as whole files). Skipped and failed files are never members.
/// <para><b>Tokens.</b> Comments and layout are dropped. The <i>exact</i> sequence is the token texts. The
/// <i>normalized</i> sequence keeps keywords, operators and punctuation as written, replaces every identifier by one
/// placeholder and every literal by another; shell command names (in scripts and Dockerfile RUN) stay as written
/// unless the file defines a function of that name, and so do option names (-f, --no-cache), because in shell the
/// command and its options are the code; compose files are not abstracted. Boilerplate tokens are marked (see
/// <see cref="FileFingerprint"/>): imports, the shell prelude, package index updates, Dockerfile FROM lines, and short
/// runs of lines that at least max(10, 10%) of the files of the language contain (document frequency, IDF-style).
/// Boilerplate counts in the exact and renamed hashes but not in sizes or near similarity.</para>
/// <para><b>Kinds.</b> Type-1 <see cref="CloneKind.Exact"/>: equal exact sequences. Type-2
/// <see cref="CloneKind.Renamed"/>: equal normalized sequences. Type-3 <see cref="CloneKind.Near"/>:
/// <c>sim(a, b) = 2·(T − I) / (|a| + |b|) ≥ NearThreshold</c>, where a and b are the normalized sequences without
/// boilerplate, T is the number of tokens of a covered by Greedy String Tiling with minimum match length 5 (as in
/// JPlag) and I the tiled identifier tokens whose names pair against the best one-to-one renaming
/// (<see cref="TokenTiling"/>): the share of tokens that survive in the other copy in common runs of at least 5 tokens
/// with consistently used names. Short coincidental matches and same-shaped unrelated code score low.</para>
/// <para><b>Size.</b> A member needs MinTokens non-boilerplate tokens and MinLines non-blank lines holding them; exact
/// copies of whole files need only MinLines lines of code, boilerplate included (a verbatim copy of a small script is
/// still sprawl).</para>
/// <para><b>Index.</b> Units with equal normalized hashes form renamed groups (exact subgroups inside) in one pass.
/// For near clones each group is represented once: a one-permutation MinHash signature (128 bins) over its 5-grams is
/// banded (32 bands × 4 rows) into an LSH table; only pairs sharing a bucket in the same domain (scope, language,
/// unit kind), with compatible lengths and at least 40% agreeing bins are verified by tiling, and only while the two
/// are not joined already through pairs verified before (in fixed chunks), so a class of k copies costs about k
/// verifications. Cost is linear in tokens plus the verified pairs; all pairs are never compared. Statement runs: <see cref="StatementRunFinder"/>.</para>
/// <para><b>Classes.</b> Verified pairs are joined transitively (union-find); a class's kind is its weakest relation
/// (exact &lt; renamed &lt; near) and its <see cref="CloneCluster.Similarity"/> is the lowest pairwise similarity
/// computed inside it (1 for exact and renamed classes). For a near class of up to 12 distinct bodies every pair is
/// computed; for a bigger one, the verified candidate pairs plus a fixed sample of up to 64 more. Fragment classes that
/// repeat a file-scope class or lie inside a bigger fragment class are dropped (<see cref="FragmentSuppression"/>).
/// The canonical member comes from <see cref="CanonicalChooser"/>. Ids hash the kind, scope, language and content, so
/// they survive reruns and input order; output is sorted. Nothing is random: hashing and MinHash use fixed seeds.</para>
/// </summary>
public static class CloneIndex
{
    /// <summary>A line is common when at least this many files of its language contain it…</summary>
    internal const int CommonMinFiles = 10;

    /// <summary>…and at least this share of them.</summary>
    internal const double CommonShare = 0.1;

    private const double MinSignatureAgreement = 0.4;
    private const int ExhaustiveSimilarityGroups = 12;
    private const int SampledSimilarityPairs = 64;
    private const int VerificationChunk = 256;

    public static bool IsCodeLanguage(Language language) =>
        language is Language.Python or Language.Shell or Language.Dockerfile or Language.Compose or Language.CSharp;

    /// <param name="similarities">Near-clone similarities an earlier scan computed, which this one reuses and adds to; null computes all.</param>
    /// <param name="unitFacts">Where each file's clone facts are kept between scans (see <see cref="UnitFactKey"/>); null reads every file.</param>
    public static ImmutableArray<CloneCluster> Build(IReadOnlyList<FileModel> files, CloneOptions options, Func<string, int>? referenceCount, CancellationToken cancellationToken, SimilarityMemo? similarities = null, IUnitFactsCache? unitFacts = null)
    {
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();

        // Two passes over the files, so a file's per-token arrays are alive only while it is being read: the first
        // keeps each file's line keys (for the document frequency of lines), the second reads the file again, marks
        // its common lines, takes its units and statements and keeps only the sequences near-clone verification
        // needs. Reading a file twice costs less than holding every file's arrays at once, which grows with the
        // repository.
        var lineKeys = new ulong[ordered.Length][];
        var isCode = new bool[ordered.Length];
        Parallel.For(0, ordered.Length, parallel, i =>
        {
            if (ordered[i].Parsed is { CloneLineKeys.IsDefault: false } parsed)
            {
                // Worked out when the file was parsed (or read back from the cache): the same keys, no second read.
                isCode[i] = true;
                lineKeys[i] = ImmutableCollectionsMarshal.AsArray(parsed.CloneLineKeys)!;
            }
            else if (FileFingerprint.Read(ordered[i], i) is { } print)
            {
                isCode[i] = true;
                lineKeys[i] = print.LineKeys;
            }
        });
        var codeFiles = Enumerable.Range(0, ordered.Length).Where(i => isCode[i]).Select(i => ordered[i]).ToArray();
        var codeLineKeys = Enumerable.Range(0, ordered.Length).Where(i => isCode[i]).Select(i => lineKeys[i]).ToArray();
        Func<Language, ulong, bool>? common = CommonLines(codeFiles, codeLineKeys, parallel);
        var factSeed = UnitFactSeed(options);

        // A file whose facts are cached under its key is not read (its fingerprint holds no sequences until a unit of
        // it is tiled, when it is read again with the same common lines); the facts of every other file are stored.
        var prints = new FileFingerprint[codeFiles.Length];
        var unitsPerFile = new List<CloneUnit>[codeFiles.Length];
        var elementsPerFile = new StatementElement[]?[codeFiles.Length];
        var restored = 0;
        Parallel.For(0, codeFiles.Length, parallel, () => new List<StatementElement>(), (i, _, elements) =>
        {
            var file = codeFiles[i];
            unitsPerFile[i] = [];
            var factKey = unitFacts is null ? null : UnitFactKey(factSeed, file, codeLineKeys[i], common);
            if (factKey is { } known && unitFacts!.LoadUnitFacts(file.Path, file.Language, known) is { } facts)
            {
                var index = i;
                FileFingerprint ReadAgain()
                {
                    var again = FileFingerprint.Read(file, index, distinctLineKeys: false)!;
                    again.MarkCommonLines(key => common!(file.Language, key), options.MinTokens);
                    return again;
                }

                if (UnitFactsCodec.TryRead(facts, file, i, ReadAgain, unitsPerFile[i], elements, out var cached))
                {
                    Interlocked.Increment(ref restored);
                    prints[i] = cached!;
                    elementsPerFile[i] = elements.ToArray();
                    return elements;
                }
            }

            var print = FileFingerprint.Read(file, i, distinctLineKeys: false)!;
            print.MarkCommonLines(key => common(print.File.Language, key), options.MinTokens);
            unitsPerFile[i].Clear();
            elements.Clear();
            SyntaxUnitReader.Read(print, unitsPerFile[i], elements);
            elementsPerFile[i] = elements.ToArray();
            print.ReleaseUnitData();
            prints[i] = print;
            if (factKey is { } key)
                unitFacts!.StoreUnitFacts(file.Path, file.Language, key, UnitFactsCodec.Write(print, unitsPerFile[i], elements, options));
            return elements;
        }, _ => { });
        Array.Clear(lineKeys, 0, lineKeys.Length);
        codeLineKeys = null;

        // Restored fingerprints read their files again through the common lines when tiled; else they can go now.
        if (restored == 0)
            common = null;

        var units = unitsPerFile.SelectMany(u => u).ToList();
        var unitClasses = UnitClasses(units.Where(u => u.IsLargeEnough(options)).ToList(), prints, options, parallel, similarities);
        unitClasses.AddRange(SmallFileCopies(units.Where(u => u.Kind == UnitKind.File && !u.IsLargeEnough(options) && u.CodeTokens > 0 && u.File.AllCodeLines >= options.MinLines)));
        foreach (var draft in unitClasses)
            ChooseCanonical(draft, options, referenceCount);
        units.Clear();
        Array.Clear(unitsPerFile, 0, unitsPerFile.Length);
        foreach (var print in prints)
            print.ReleaseSequences();
        common = null;

        var excluded = prints.Select(_ => new List<(int Start, int End)>()).ToList();
        foreach (var draft in unitClasses.Where(d => d.Kind != CloneKind.Near))
            for (var m = 0; m < draft.Members.Count; m++)
                if (m != draft.Canonical)
                    excluded[draft.Members[m].File].Add((draft.Members[m].TokenStart, draft.Members[m].TokenEnd));

        var runClasses = StatementRunFinder.Find(prints, elementsPerFile, excluded, options, cancellationToken);
        foreach (var draft in runClasses)
            ChooseCanonical(draft, options, referenceCount);

        var fileClasses = unitClasses.Where(d => d.Scope == CloneScope.File).ToList();
        var fragments = FragmentSuppression.Apply(fileClasses, unitClasses.Where(d => d.Scope == CloneScope.Fragment).Concat(runClasses).ToList());
        return Name(fileClasses.Concat(fragments));
    }

    /// <summary>
    /// Whether a line key is common in its language: contained in at least max(<see cref="CommonMinFiles"/>,
    /// <see cref="CommonShare"/> of the language's files) files. Counted in shards by the key's top bits.
    /// </summary>
    private static Func<Language, ulong, bool> CommonLines(FileModel[] files, ulong[][] lineKeys, ParallelOptions parallel)
    {
        var filesPerLanguage = new Dictionary<Language, int>();
        foreach (var file in files)
            filesPerLanguage[file.Language] = filesPerLanguage.TryGetValue(file.Language, out var count) ? count + 1 : 1;
        var thresholds = filesPerLanguage.ToDictionary(p => p.Key, p => Math.Max(CommonMinFiles, (int)Math.Ceiling(CommonShare * p.Value)));

        var shards = new Dictionary<ulong, int>[FrequencyShards];
        Parallel.For(0, FrequencyShards, parallel, shard =>
        {
            var frequency = new Dictionary<ulong, int>();
            foreach (var keys in lineKeys)
            {
                foreach (var key in keys)
                {
                    if ((int)(key >> ShardShift) == shard)
                        frequency[key] = frequency.TryGetValue(key, out var seen) ? seen + 1 : 1;
                }
            }

            shards[shard] = frequency;
        });

        return (language, key) => shards[(int)(key >> ShardShift)].TryGetValue(key, out var count) && count >= thresholds[language];
    }

    private static ulong UnitFactSeed(CloneOptions options) =>
        StableHash.Combine(StableHash.Combine(StableHash.Tag("unit facts"), (ulong)options.MinTokens), (ulong)options.MinLines);

    /// <summary>
    /// The key of a file's clone facts (null for a file no cache holds): everything the second pass reads of it. That is
    /// the file's parse (<see cref="ParsedSource.CacheDigest"/> covers the tool, the frontend, the path and the bytes),
    /// which of its line keys are common (the boilerplate marks depend on nothing else of the other files), and the
    /// size minimums (in <paramref name="seed"/>).
    /// </summary>
    private static ulong? UnitFactKey(ulong seed, FileModel file, ulong[] lineKeys, Func<Language, ulong, bool> common)
    {
        if (file.Parsed?.CacheDigest is not { } digest)
            return null;
        var key = StableHash.Combine(StableHash.Combine(seed, digest), (ulong)lineKeys.Length);
        for (var k = 0; k < lineKeys.Length; k++)
            if (common(file.Language, lineKeys[k]))
                key = StableHash.Combine(key, (ulong)k);
        return key;
    }

    private const int FrequencyShards = 4;
    private const int ShardShift = 62;

    private static List<CloneClassDraft> UnitClasses(List<CloneUnit> units, FileFingerprint[] prints, CloneOptions options, ParallelOptions parallel, SimilarityMemo? memo)
    {
        var groupOf = new Dictionary<(ulong Domain, ulong Renamed), int>();
        var groups = new List<List<CloneUnit>>();
        var domains = new List<ulong>();
        foreach (var unit in units)
        {
            var domain = Domain(unit);
            if (!groupOf.TryGetValue((domain, unit.RenamedHash), out var group))
            {
                group = groups.Count;
                groupOf[(domain, unit.RenamedHash)] = group;
                groups.Add([]);
                domains.Add(domain);
            }

            groups[group].Add(unit);
        }

        var signatures = new uint[]?[groups.Count];
        Parallel.For(0, groups.Count, parallel, g => signatures[g] = groups[g][0].TakeSignature());
        var lengths = groups.Select(g => g[0].CodeTokens).ToList();
        var groupOfUnit = new Dictionary<CloneUnit, int>();
        for (var g = 0; g < groups.Count; g++)
            foreach (var unit in groups[g])
                groupOfUnit[unit] = g;

        var sets = new DisjointSets(groups.Count);
        // Level by level, each in pair order: Find returns the pairs sorted, so splitting them by level keeps that order.
        var byLevel = new List<long>[MaxLevel + 1];
        for (var level = 0; level <= MaxLevel; level++)
            byLevel[level] = [];
        foreach (var pair in NearCandidates.Find(signatures, domains, lengths, options.NearThreshold, parallel.CancellationToken))
        {
            var (a, b) = NearCandidates.Split(pair);
            if (MinHashSignature.Agreement(signatures[a]!, signatures[b]!) >= MinSignatureAgreement)
                byLevel[Level(groups[a][0].Kind)].Add(pair);
        }

        var candidates = new long[byLevel.Sum(l => l.Count)];
        for (int level = 0, at = 0; level <= MaxLevel; at += byLevel[level].Count, level++)
            byLevel[level].CopyTo(candidates, at);
        signatures = null;
        ReleaseUntiledSequences(groups, candidates, prints);

        // Level by level (files, then classes and stages, then functions), so pairs inside joined units are skipped.
        // Inside a level, candidates are verified in fixed-size chunks and each chunk's unions applied before the next:
        // a pair whose groups are already joined (transitively, through pairs of earlier chunks) is not verified at all,
        // so a class of k copies costs about k verifications instead of one per candidate pair (up to
        // MaxBucketPairs × bands per copy). Chunks are fixed, not per core, so the result does not depend on the machine.
        var similarities = new double[candidates.Length];
        var verified = new bool[candidates.Length];
        var levelStartRoots = new int[groups.Count];
        for (int level = 0, from = 0; level <= MaxLevel; level++)
        {
            var to = from;
            while (to < candidates.Length && Level(groups[NearCandidates.Split(candidates[to]).A][0].Kind) == level)
                to++;

            // "Inside joined units" looks at the classes of enclosing units as they stood when the level began.
            for (var g = 0; g < groups.Count; g++)
                levelStartRoots[g] = sets.Find(g);
            for (var chunk = from; chunk < to; chunk += VerificationChunk)
            {
                var end = Math.Min(to, chunk + VerificationChunk);
                for (var i = chunk; i < end; i++)
                {
                    var (a, b) = NearCandidates.Split(candidates[i]);
                    verified[i] = sets.Find(a) != sets.Find(b);
                    similarities[i] = double.NaN;
                }

                Parallel.For(chunk, end, parallel, () => new TokenTiling.Scratch(), (i, _, scratch) =>
                {
                    if (!verified[i])
                        return scratch;
                    var (a, b) = NearCandidates.Split(candidates[i]);
                    if (InsideJoinedUnits(groups[a], groups[b], groupOfUnit, levelStartRoots) || Nested(groups[a], groups[b]))
                        verified[i] = false;
                    else
                        similarities[i] = CloneUnit.Similarity(groups[a][0], groups[b][0], scratch, options.NearThreshold, memo);
                    return scratch;
                }, _ => { });
                for (var i = chunk; i < end; i++)
                {
                    if (verified[i] && similarities[i] >= options.NearThreshold)
                    {
                        var (a, b) = NearCandidates.Split(candidates[i]);
                        sets.Union(a, b);
                    }
                }
            }

            // This level's units are not verified again (a class's lowest similarity rebuilds what it needs): at 50k
            // files holding every verified unit's sorted 5-grams until the end was the clustering step's peak.
            for (var i = from; i < to; i++)
            {
                var (a, b) = NearCandidates.Split(candidates[i]);
                groups[a][0].ReleaseSortedGrams();
                groups[b][0].ReleaseSortedGrams();
            }

            from = to;
        }

        // Below the threshold a similarity may be a bound, not the value (NaN: not computed): only exact values are kept.
        // Pairs never verified (joined already, inside joined units, nested) are not in it.
        var computed = new Dictionary<long, double>();
        for (var i = 0; i < candidates.Length; i++)
            if (verified[i])
                computed[candidates[i]] = similarities[i] >= options.NearThreshold ? similarities[i] : double.NaN;

        var components = new SortedDictionary<int, List<int>>();
        for (var g = 0; g < groups.Count; g++)
        {
            var root = sets.Find(g);
            if (!components.TryGetValue(root, out var list))
                components[root] = list = [];
            list.Add(g);
        }

        // The verified pairs inside each class, in candidate order (one pass, not one pass over all pairs per class).
        var verifiedInside = new Dictionary<int, List<long>>();
        for (var i = 0; i < candidates.Length; i++)
        {
            if (!verified[i])
                continue;
            var (a, b) = NearCandidates.Split(candidates[i]);
            var root = sets.Find(a);
            if (root != sets.Find(b))
                continue;
            if (!verifiedInside.TryGetValue(root, out var list))
                verifiedInside[root] = list = [];
            list.Add(candidates[i]);
        }

        var drafts = new List<CloneClassDraft>();
        var scratch = new TokenTiling.Scratch();
        foreach (var (root, component) in components)
        {
            var members = component.SelectMany(g => groups[g]).ToList();
            if (members.Count < 2)
                continue;
            var first = members[0];
            var scope = first.Kind == UnitKind.File ? CloneScope.File : CloneScope.Fragment;
            CloneKind kind;
            double similarity = 1.0;
            ulong content;
            if (component.Count > 1)
            {
                kind = CloneKind.Near;
                similarity = LowestSimilarity(component, groups, computed, verifiedInside.GetValueOrDefault(root) ?? [], scratch, memo);
                foreach (var g in component)
                    groups[g][0].ReleaseSortedGrams();
                content = StableHash.Sequence(component.Select(g => groups[g][0].RenamedHash).OrderBy(h => h).ToArray());
            }
            else
            {
                kind = members.Select(u => u.ExactHash).Distinct().Count() > 1 ? CloneKind.Renamed : CloneKind.Exact;
                content = kind == CloneKind.Exact ? first.ExactHash : first.RenamedHash;
            }

            var idKey = StableHash.Combine(StableHash.Combine(StableHash.Tag(kind.ToString()), domains[component[0]]), content);
            var draftMembers = OutermostOnly(members);
            if (draftMembers.Count < 2)
                continue;
            drafts.Add(new CloneClassDraft(scope, first.File.File.Language, kind, similarity, draftMembers, idKey, isRun: false));
        }

        return drafts;
    }

    /// <summary>
    /// Lets go of the near-clone sequences of every file none of whose units is tiled: only the first unit of a group in
    /// a candidate pair is ever tiled (a class's lowest similarity pairs groups joined through candidates), so the other
    /// files' sequences are dead weight during verification, the clustering step's peak.
    /// </summary>
    private static void ReleaseUntiledSequences(List<List<CloneUnit>> groups, long[] candidates, FileFingerprint[] prints)
    {
        var tiled = new HashSet<FileFingerprint>();
        foreach (var pair in candidates)
        {
            var (a, b) = NearCandidates.Split(pair);
            tiled.Add(groups[a][0].File);
            tiled.Add(groups[b][0].File);
        }

        foreach (var print in prints)
            if (!tiled.Contains(print))
                print.ReleaseSequences();
    }

    /// <summary>
    /// A function and a function nested in it (a decorator's wrapper) can be near clones of each other and of another
    /// file's pair: code and a part of itself are never two copies, so such pairs are not verified (a sample of each
    /// group is checked, which keeps a group repeated everywhere cheap).
    /// </summary>
    private static bool Nested(List<CloneUnit> a, List<CloneUnit> b)
    {
        const int Sample = 16;
        for (var i = 0; i < Math.Min(a.Count, Sample); i++)
            for (var j = 0; j < Math.Min(b.Count, Sample); j++)
                if (a[i].File == b[j].File && a[i].TokenStart < b[j].TokenEnd && b[j].TokenStart < a[i].TokenEnd)
                    return true;
        return false;
    }

    /// <summary>The members of a class without those inside another member of the same file (joined transitively).</summary>
    private static List<DraftMember> OutermostOnly(List<CloneUnit> members)
    {
        var kept = new List<DraftMember>(members.Count);
        foreach (var unit in members.OrderBy(u => u.File.Index).ThenBy(u => u.TokenStart).ThenByDescending(u => u.TokenEnd))
        {
            if (kept.Count > 0 && kept[^1].File == unit.File.Index && unit.TokenStart < kept[^1].TokenEnd)
                continue;
            kept.Add(new DraftMember(unit.ToMember(), unit.File.Index, unit.TokenStart, unit.TokenEnd));
        }

        // Keep the engine's member order (the draft sorts members later; this keeps that step's input as before).
        var order = new Dictionary<(int, int, int), int>();
        for (var i = 0; i < members.Count; i++)
            order.TryAdd((members[i].File.Index, members[i].TokenStart, members[i].TokenEnd), i);
        kept.Sort((x, y) => order[(x.File, x.TokenStart, x.TokenEnd)].CompareTo(order[(y.File, y.TokenStart, y.TokenEnd)]));
        return kept;
    }

    /// <summary>
    /// Whole files below the size minimum that are exact copies of each other (an entrypoint script copied into every
    /// agent), when they have MinLines lines of code, boilerplate included: a verbatim copy of a whole file is sprawl
    /// however small, and cannot be a false friend.
    /// </summary>
    private static IEnumerable<CloneClassDraft> SmallFileCopies(IEnumerable<CloneUnit> files) =>
        files
            .GroupBy(u => (Domain: Domain(u), u.ExactHash))
            .Where(g => g.Count() >= 2)
            .Select(g => new CloneClassDraft(
                CloneScope.File,
                g.First().File.File.Language,
                CloneKind.Exact,
                1.0,
                g.Select(u => new DraftMember(u.ToMember(), u.File.Index, u.TokenStart, u.TokenEnd)).ToList(),
                StableHash.Combine(StableHash.Combine(StableHash.Tag(nameof(CloneKind.Exact)), g.Key.Domain), g.Key.ExactHash),
                isRun: false));

    /// <summary>The lowest similarity over the pairs verified inside the class, plus every other pair (small classes) or a fixed sample.</summary>
    private static double LowestSimilarity(List<int> component, List<List<CloneUnit>> groups, Dictionary<long, double> computed, List<long> verifiedInside, TokenTiling.Scratch scratch, SimilarityMemo? memo)
    {
        var lowest = 1.0;
        var pairs = new List<(int A, int B)>();
        if (component.Count <= ExhaustiveSimilarityGroups)
        {
            for (var i = 0; i < component.Count; i++)
                for (var j = i + 1; j < component.Count; j++)
                    pairs.Add((Math.Min(component[i], component[j]), Math.Max(component[i], component[j])));
        }
        else
        {
            foreach (var pair in verifiedInside)
                pairs.Add(NearCandidates.Split(pair));

            var half = component.Count / 2;
            for (var i = 0; i < Math.Min(half, SampledSimilarityPairs); i++)
                pairs.Add((Math.Min(component[i], component[i + half]), Math.Max(component[i], component[i + half])));
        }

        foreach (var (a, b) in pairs)
        {
            var key = ((long)a << 32) | (uint)b;
            if (!computed.TryGetValue(key, out var similarity) || double.IsNaN(similarity))
                similarity = CloneUnit.Similarity(groups[a][0], groups[b][0], scratch, 0, memo);
            lowest = Math.Min(lowest, similarity);
        }

        return lowest;
    }

    private const int MaxLevel = 2;

    /// <summary>The verification order: files, then classes and stages, then functions and methods.</summary>
    private static int Level(UnitKind kind) => kind switch
    {
        UnitKind.File => 0,
        UnitKind.Class or UnitKind.Stage => 1,
        _ => 2,
    };

    /// <summary>
    /// Two single-unit groups whose enclosing files, or enclosing classes, are already in one class: their own pair
    /// is not verified. Such fragments are reported through the bigger class; a fragment class that reaches outside it
    /// still gets its members through their own pairs.
    /// </summary>
    private static bool InsideJoinedUnits(List<CloneUnit> a, List<CloneUnit> b, Dictionary<CloneUnit, int> groupOfUnit, int[] roots)
    {
        if (a.Count != 1 || b.Count != 1)
            return false;
        for (var x = a[0].Parent; x is not null; x = x.Parent)
        {
            if (!groupOfUnit.TryGetValue(x, out var groupX))
                continue;
            for (var y = b[0].Parent; y is not null; y = y.Parent)
                if (y.Kind == x.Kind && groupOfUnit.TryGetValue(y, out var groupY) && roots[groupX] == roots[groupY])
                    return true;
        }

        return false;
    }

    private static ulong Domain(CloneUnit unit)
    {
        var group = unit.Kind switch
        {
            UnitKind.File => 0UL,
            UnitKind.Function or UnitKind.Method => 1UL,
            UnitKind.Class => 2UL,
            _ => 3UL,
        };
        return StableHash.Combine(StableHash.Combine(StableHash.Tag("unit"), (ulong)unit.File.File.Language), group);
    }

    private static void ChooseCanonical(CloneClassDraft draft, CloneOptions options, Func<string, int>? referenceCount)
    {
        var (index, reason) = CanonicalChooser.Choose(draft.Members.Select(m => m.Member).ToImmutableArray(), options.CanonicalFolders, referenceCount);
        draft.Canonical = index;
        draft.CanonicalReason = reason;
    }

    private static ImmutableArray<CloneCluster> Name(IEnumerable<CloneClassDraft> drafts)
    {
        var sorted = drafts
            .Select(d => (Draft: d, Id: (d.Scope == CloneScope.File ? "file-" : "frag-") + d.IdKey.ToString("x16", CultureInfo.InvariantCulture).Substring(0, 12)))
            .OrderBy(d => d.Draft.Scope)
            .ThenBy(d => d.Draft.Members[0].Member.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Draft.Members[0].Member.StartLine)
            .ThenBy(d => d.Draft.Members[0].Member.EndLine)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        var clusters = ImmutableArray.CreateBuilder<CloneCluster>(sorted.Count);
        foreach (var (draft, baseId) in sorted)
        {
            var id = baseId;
            if (used.TryGetValue(baseId, out var seen))
                id = baseId + "-" + (seen + 1).ToString(CultureInfo.InvariantCulture);
            used[baseId] = seen + 1;
            clusters.Add(new CloneCluster(
                id,
                draft.Language,
                draft.Scope,
                draft.Kind,
                draft.Similarity,
                draft.Members.Select(m => m.Member).ToImmutableArray(),
                draft.Canonical,
                draft.CanonicalReason));
        }

        return clusters.MoveToImmutable();
    }
}
