using System.Collections.Immutable;
using Consolidate.Analyzers.Caching;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Scanning;

namespace Consolidate.Analyzers.Engine;

/// <summary>
/// The scan pipeline: walk and read, then <see cref="ModelPipeline"/>: parse each file with its frontend (in parallel,
/// bounded by cores), build the clone classes, run every rule, then resolve severities and suppressions once.
/// </summary>
public sealed class RepositoryAnalyzer
{
    private readonly ConsolidateConfig config;
    private readonly FrontendSet frontends;
    private readonly ScanOptions scanOptions;
    private readonly ImmutableHashSet<string> baseline;
    private readonly Func<string, ParseCache?> cacheFor;

    /// <param name="cache">The parse cache of a scanned root (<c>root =&gt; new ParseCache(root)</c>), or null for none
    /// (the default; the CLI's scan turns it on unless --no-cache). Each scan commits and disposes its cache.</param>
    public RepositoryAnalyzer(ConsolidateConfig config, FrontendSet frontends, ScanOptions scanOptions, ImmutableHashSet<string>? baseline = null, Func<string, ParseCache?>? cache = null)
    {
        this.config = config;
        this.frontends = frontends;
        this.scanOptions = scanOptions;
        this.baseline = baseline ?? ImmutableHashSet<string>.Empty;
        cacheFor = cache ?? (_ => null);
    }

    /// <summary>A heap past this size after parsing is compacted before the clone index runs (see <see cref="CompactLargeHeap"/>).</summary>
    private const long LargeHeapBytes = 512L << 20;

    /// <summary>
    /// After parsing a big repository, one full compacting collection: what parsing left behind (each file's bytes, read
    /// buffers, the parse trees' scaffolding) is returned before the clone index and the reference graph allocate their
    /// most, which would otherwise grow the heap on top of it (generated 50k files: peak memory 1,470-1,520 MB without
    /// it). Below the threshold a collection costs more than it saves, so a small repository never pays for one.
    /// </summary>
    private static void CompactLargeHeap()
    {
        if (GC.GetGCMemoryInfo().HeapSizeBytes < LargeHeapBytes)
            return;
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    public AnalysisResult Analyze(string root, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        progress?.Report("walking");
        var scanner = new RepositoryScanner(scanOptions);
        // Before the walk: the cache also remembers which interpreter a version manager's shim chose (the prestart below).
        using var cache = cacheFor(root);
        // Python is parsed last; its first interpreter starts as soon as the walk meets a Python file, so the start-up
        // (a version manager's shim takes a good part of a second) overlaps the rest of the walk and the other files,
        // and a repository without Python never starts one.
        var python = frontends.For(Language.Python) as Frontends.Python.PythonFrontend;
        var pythonSeen = false;
        var entries = scanner.List(root, path =>
        {
            if (!pythonSeen && python is not null && FileClassifier.IsPythonByName(path))
            {
                pythonSeen = true;
                python.Prestart(cache);
            }
        }, cancellationToken);

        var configPaths = entries
            .Where(f => f.Path[(f.Path.LastIndexOf('/') + 1)..] is ".editorconfig" or ".globalconfig")
            .Select(f => f.Path);
        var (editorConfigs, configErrors) = ConfigFiles.LoadEditorConfigs(root, configPaths);
        var severities = new SeverityPolicy(Path.GetFullPath(root), editorConfigs, baseline);

        // Files are read as the pipeline parses them (see ModelPipeline), not all first. The cache is complete once the
        // clone classes are built, so it is committed on another thread while the rules run.
        Task? committing = null;
        var result = ModelPipeline.Run(
            root, entries.Length, i => scanner.Read(entries[i]), config, frontends, severities, configErrors, Environment.ProcessorCount, cache, progress, cancellationToken,
            parseLate: i => FileClassifier.IsPythonByName(entries[i].Path),
            similarities: cache?.Similarities,
            unitFacts: cache,
            parsed: CompactLargeHeap,
            clustered: cache is null ? null : () => committing = Task.Run(cache.Commit));
        if (cache is null)
            return result;
        if (committing is null)
            cache.Commit();
        else
            committing.GetAwaiter().GetResult();
        var statistics = cache.Statistics;
        progress?.Report($"cache: {statistics.Hits} files read from the cache, {statistics.Misses} parsed ({statistics.Stale} changed, {statistics.Corrupt} damaged), {statistics.Written} written; near-clone similarities: {cache.Similarities.Reused} reused, {cache.Similarities.Computed} computed; clone facts: {cache.UnitFacts.Reused} files reused, {cache.UnitFacts.Written} written");
        return result with { Cache = statistics };
    }
}
