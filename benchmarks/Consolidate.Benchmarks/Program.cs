using System.Diagnostics;
using BenchmarkDotNet.Running;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Scanning;

namespace Consolidate.Benchmarks;

/// <summary>
/// Macro modes for benchmarks/run.sh (each one process, timed from outside with /usr/bin/time):
/// <c>readall ROOT</c> reads every file below ROOT except .git and .consolidate (the baseline), <c>walk ROOT</c> runs
/// the scanner alone (walk + ignore rules + classification + read + decode), <c>scan ROOT</c> is the whole pipeline with
/// the parse cache (as the CLI runs it) and <c>scan-nocache ROOT</c> without; both print each phase's wall and CPU time,
/// heap, peak RSS and committed memory to stderr (BENCH_FORCE_GC=1 collects before each reading; BENCH_DUMP_AT=PHASE
/// writes a core dump with createdump when that phase starts). <c>generate OUT FILES [SEED]</c> writes a synthetic
/// repository (<see cref="RepositoryGenerator"/>). Profiling helpers: <c>pytok</c> (tree-sitter Python tokens alone),
/// <c>pylex</c> (<see cref="Analyzers.Frontends.Python.PythonLexer"/>'s tokens alone, timed the same way), <c>pydiff</c>
/// (the files whose tokens differ between the two, with the first difference and tree-sitter's verdict),
/// <c>pyworker</c> (CPython worker round trips alone), <c>languages</c> (one-thread parse CPU per language),
/// <c>codeccheck</c> (every file's parse result through the cache layout), <c>codecread ROOT [ROUNDS]</c> (the cache
/// layout's reading alone, CPU and allocation per round), <c>codecwrite ROOT OUT [ROUNDS]</c> (the cache's writing alone:
/// every entry's key and entry written to a pack in OUT, CPU and allocation per round). Anything else goes to BenchmarkDotNet.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length is 3 or 4 && args[0] == "generate")
        {
            var seed = args.Length == 4 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 42;
            var written = RepositoryGenerator.Generate(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), seed);
            Console.Error.WriteLine($"generate: {written} files in {args[1]}");
            return 0;
        }

        if (args.Length == 2 && args[0] == "pytok")
        {
            var files = new RepositoryScanner(new ScanOptions()).Scan(args[1], CancellationToken.None).Where(f => f.Language == Consolidate.Analyzers.Model.Language.Python && f.Document is not null).ToList();
            using var tokenizer = new Analyzers.Frontends.Python.PythonTreeSitterTokenizer();
            for (var round = 0; round < 3; round++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                long count = 0;
                foreach (var f in files)
                    count += tokenizer.Tokenize(f.Document!.Text, TimeSpan.FromSeconds(10), CancellationToken.None)?.Length ?? 0;
                Console.Error.WriteLine($"tree-sitter tokens: {count} in {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.000} s cpu");
            }

            return 0;
        }

        if (args.Length == 2 && args[0] == "pylex")
        {
            var files = PythonFiles(args[1]);
            for (var round = 0; round < 3; round++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                long count = 0;
                foreach (var f in files)
                    count += Analyzers.Frontends.Python.PythonLexer.Tokenize(f.Document!.Text, TimeSpan.FromSeconds(10), CancellationToken.None)?.Length ?? 0;
                Console.Error.WriteLine($"lexer tokens: {count} in {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.000} s cpu");
            }

            return 0;
        }

        if (args.Length == 2 && args[0] == "pydiff")
        {
            Console.Error.WriteLine(PythonTokenDiff.Report(PythonFiles(args[1])));
            return 0;
        }

        if (args.Length == 2 && args[0] == "pyworker")
        {
            var files = new RepositoryScanner(new ScanOptions()).Scan(args[1], CancellationToken.None).Where(f => f.Language == Consolidate.Analyzers.Model.Language.Python && f.Document is not null).ToList();
            using var pool = new Analyzers.Frontends.Python.PythonWorkerPool("python3", 1);
            pool.Request("parse", "x.py", "x = 1\n"u8.ToArray(), false, CancellationToken.None);
            for (var round = 0; round < 2; round++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                foreach (var f in files)
                    pool.Request("parse", f.Path, f.Document!.Bytes, false, CancellationToken.None);
                Console.Error.WriteLine($"worker requests: {files.Count} in {wall.Elapsed.TotalSeconds:0.000} s wall {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.000} s cpu");
            }

            return 0;
        }

        if (args.Length is 2 or 3 && args[0] == "codecread")
        {
            // What a warm scan spends in ParseResultCodec.Read, without the pack's IO: every parsed file's entry is
            // written to memory once, then read back on one thread, round after round (CPU and bytes allocated).
            var entries = new List<(byte[] Payload, Consolidate.Analyzers.Model.SourceText Text)>();
            using (var frontends = FrontendFactory.Create(new FrontendOptions()))
            {
                foreach (var f in new RepositoryScanner(new ScanOptions()).Scan(args[1], CancellationToken.None))
                {
                    if (f.Document is null || frontends.For(f.Language) is not { } frontend)
                        continue;
                    var writer = new Analyzers.Caching.EntryWriter();
                    Analyzers.Caching.ParseResultCodec.Write(writer, f.Status, f.Reason, frontend.Parse(f.Document, CancellationToken.None).CompactTokens(f.Document.Text));
                    entries.Add((writer.Written.ToArray(), f.Document.Text));
                }
            }

            var rounds = args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10;
            Console.Error.WriteLine($"codecread: {entries.Count} entries, {entries.Sum(e => (long)e.Payload.Length) / 1e6:0.0} MB");
            for (var round = 0; round < rounds; round++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                // The results stay alive through the round, as a scan keeps them, so collections cost what they cost there.
                var results = new object[entries.Count];
                for (var i = 0; i < entries.Count; i++)
                    results[i] = Analyzers.Caching.ParseResultCodec.Read(entries[i].Payload, entries[i].Text);
                Console.Error.WriteLine($"codecread: {wall.Elapsed.TotalMilliseconds:0} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms cpu, {(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1e6:0.0} MB allocated");
            }

            return 0;
        }

        if (args.Length is 3 or 4 && args[0] == "codecwrite")
        {
            // What a cold scan spends in ParseCache.Key and ParseCache.Store, without parsing: every file is parsed once,
            // then, round after round on one thread, keyed and stored into a fresh cache in OUT (a fixed tool identity,
            // so two builds write the same bytes: OUT/.consolidate/cache/entries.pack can be compared with cmp).
            var parsedFiles = new List<(ScannedFile File, Consolidate.Analyzers.Model.ParsedSource Parsed, string Identity)>();
            using (var frontends = FrontendFactory.Create(new FrontendOptions()))
            {
                foreach (var f in new RepositoryScanner(new ScanOptions()).Scan(args[1], CancellationToken.None))
                {
                    if (f.Document is null || frontends.For(f.Language) is not { } frontend)
                        continue;
                    parsedFiles.Add((f, frontend.Parse(f.Document, CancellationToken.None).CompactTokens(f.Document.Text), frontend.GetType().FullName!));
                }
            }

            var rounds = args.Length == 4 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 10;
            Console.Error.WriteLine($"codecwrite: {parsedFiles.Count} files");
            for (var round = 0; round < rounds; round++)
            {
                if (Directory.Exists(args[2]))
                    Directory.Delete(args[2], recursive: true);
                Directory.CreateDirectory(args[2]);
                var cache = new Analyzers.Caching.ParseCache(args[2], "codecwrite");
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var keys = new Analyzers.Caching.CacheKey[parsedFiles.Count];
                for (var i = 0; i < parsedFiles.Count; i++)
                    keys[i] = cache.Key(parsedFiles[i].File.Path, parsedFiles[i].File.Language, parsedFiles[i].File.Document!.Bytes, parsedFiles[i].Identity);
                var keyCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                var keyAllocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
                cpu = Process.GetCurrentProcess().TotalProcessorTime;
                allocated = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < parsedFiles.Count; i++)
                    cache.Store(keys[i], parsedFiles[i].File.Status, parsedFiles[i].File.Reason, parsedFiles[i].Parsed);
                var storeCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                var storeAllocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
                cache.Commit();
                cache.Dispose();
                Console.Error.WriteLine($"codecwrite: Key {keyCpu.TotalMilliseconds:0} ms cpu {keyAllocated / 1e6:0.00} MB allocated; Store {storeCpu.TotalMilliseconds:0} ms cpu {storeAllocated / 1e6:0.00} MB allocated");
            }

            return 0;
        }

        if (args.Length == 2 && args[0] == "codeccheck")
        {
            var files = new RepositoryScanner(new ScanOptions()).Scan(args[1], CancellationToken.None);
            using var frontends = FrontendFactory.Create(new FrontendOptions());
            var failures = 0;
            foreach (var f in files)
            {
                if (f.Document is null || frontends.For(f.Language) is not { } frontend)
                    continue;
                var parsed = frontend.Parse(f.Document, CancellationToken.None).CompactTokens(f.Document.Text);
                var writer = new Analyzers.Caching.EntryWriter();
                Analyzers.Caching.ParseResultCodec.Write(writer, f.Status, f.Reason, parsed);
                try
                {
                    Analyzers.Caching.ParseResultCodec.Read(writer.Written, f.Document.Text);
                }
                catch (Exception e)
                {
                    if (failures++ < 10)
                        Console.Error.WriteLine($"{f.Path}: {e.Message}");
                }
            }

            Console.Error.WriteLine($"{failures} failures");
            return 0;
        }

        if (args.Length == 2 && args[0] == "languages")
        {
            Console.Error.WriteLine(ParseByLanguage(args[1]));
            return 0;
        }

        if (args.Length == 2 && args[0] is "readall" or "walk" or "scan" or "scan-nocache")
        {
            var watch = Stopwatch.StartNew();
            var summary = args[0] switch
            {
                "readall" => ReadAll(args[1]),
                "walk" => Walk(args[1]),
                _ => Analyze(args[1], useCache: args[0] == "scan"),
            };
            Console.Error.WriteLine($"{args[0]}: {summary} in {watch.Elapsed.TotalSeconds:0.000} s");
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static List<ScannedFile> PythonFiles(string root) =>
        new RepositoryScanner(new ScanOptions()).Scan(root, CancellationToken.None)
            .Where(f => f.Language == Consolidate.Analyzers.Model.Language.Python && f.Document is not null)
            .ToList();

    private static string ReadAll(string root)
    {
        long files = 0, bytes = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var path in Directory.EnumerateFiles(root, "*", options))
        {
            // .git is never read by the scan, nor the tool's own .consolidate (its cache).
            if (path.Contains("/.git/", StringComparison.Ordinal) || path.Contains("/.consolidate/", StringComparison.Ordinal))
                continue;
            bytes += File.ReadAllBytes(path).Length;
            files++;
        }

        return $"{files} files, {bytes} bytes";
    }

    private static string Walk(string root)
    {
        var files = new RepositoryScanner(new ScanOptions()).Scan(root, CancellationToken.None);
        return $"{files.Length} files, {files.Sum(f => f.Size)} bytes";
    }

    /// <summary>Parses every file on one thread and sums the time per language (where the parse phase goes).</summary>
    private static string ParseByLanguage(string root)
    {
        var files = new RepositoryScanner(new ScanOptions()).Scan(root, CancellationToken.None);
        using var frontends = FrontendFactory.Create(new FrontendOptions());
        var seconds = new Dictionary<string, (int Files, double Seconds, long Tokens)>();
        foreach (var file in files)
        {
            if (file.Document is null || frontends.For(file.Language) is not { } frontend)
                continue;
            var watch = Process.GetCurrentProcess().TotalProcessorTime;
            var parsed = frontend.Parse(file.Document, CancellationToken.None);
            var key = file.Language.ToString();
            var (n, s, t) = seconds.GetValueOrDefault(key);
            seconds[key] = (n + 1, s + (Process.GetCurrentProcess().TotalProcessorTime - watch).TotalSeconds, t + parsed.Tokens.Length);
        }

        return string.Join("\n", seconds.Select(p => $"  {p.Key,-12} {p.Value.Files,6} files {p.Value.Seconds,8:0.000} s {p.Value.Tokens,9} tokens"));
    }

    private static string Analyze(string root, bool useCache)
    {
        using var frontends = FrontendFactory.Create(new FrontendOptions());
        var phases = new PhaseClock();
        var result = new RepositoryAnalyzer(ConsolidateConfig.Default, frontends, new ScanOptions(), cache: useCache ? scanned => new Analyzers.Caching.ParseCache(scanned) : null)
            .Analyze(root, phases, CancellationToken.None);
        phases.Report("done");
        Console.Error.WriteLine(phases.Summary());
        Console.Error.WriteLine($"  gc: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections, {GC.GetTotalPauseDuration().TotalSeconds:0.000} s paused, {GC.GetTotalAllocatedBytes() >> 20} MB allocated; cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.00} s");
        return $"{result.Model.Files.Length} files, {result.Model.Clusters.Length} clusters, {result.Diagnostics.Length} findings";
    }

    /// <summary>Times the pipeline's phases from its progress messages (each message starts the next phase).</summary>
    private sealed class PhaseClock : IProgress<string>
    {
        private readonly Stopwatch watch = Stopwatch.StartNew();
        private readonly List<(string Phase, double Seconds, double Cpu, long Bytes, long Peak, long Committed)> marks = [];

        public void Report(string value)
        {
            if (Environment.GetEnvironmentVariable("BENCH_DUMP_AT") is { } at && value.StartsWith(at, StringComparison.Ordinal))
            {
                if (Environment.GetEnvironmentVariable("BENCH_DUMP_NOGC") != "1")
                    GC.Collect();
                var dump = Process.Start(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "createdump"), $"--full -f /tmp/bench-%d.dmp {Environment.ProcessId}");
                dump.WaitForExit();
            }

            Add(value);
        }

        private void Add(string value)
        {
            using var self = Process.GetCurrentProcess();
            marks.Add((value, watch.Elapsed.TotalSeconds, self.TotalProcessorTime.TotalSeconds, GC.GetTotalMemory(Environment.GetEnvironmentVariable("BENCH_FORCE_GC") == "1"), self.PeakWorkingSet64, GC.GetGCMemoryInfo().TotalCommittedBytes));
        }

        public string Summary() => string.Join("\n", marks.Zip(marks.Skip(1), (a, b) => $"  {a.Phase,-28} {b.Seconds - a.Seconds,7:0.000} s  cpu {b.Cpu - a.Cpu,7:0.000} s  heap {a.Bytes >> 20,5} MB -> {b.Bytes >> 20,5} MB  peak rss {b.Peak >> 20,5} MB  committed {b.Committed >> 20,5} MB"));
    }
}
