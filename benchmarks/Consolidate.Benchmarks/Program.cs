using System.Diagnostics;
using BenchmarkDotNet.Running;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Scanning;

namespace Consolidate.Benchmarks;

/// <summary>
/// Macro modes for benchmarks/run.sh (each one process, timed from outside with /usr/bin/time):
/// <c>readall ROOT</c> reads every file below ROOT except .git (the baseline), <c>walk ROOT</c> runs the scanner alone
/// (walk + ignore rules + classification + read + decode), <c>parse ROOT</c> adds the frontends, <c>scan ROOT</c> is the
/// whole pipeline. Anything else goes to BenchmarkDotNet's micro-benchmarks.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] is "readall" or "walk" or "parse" or "scan")
        {
            var watch = Stopwatch.StartNew();
            var summary = args[0] switch
            {
                "readall" => ReadAll(args[1]),
                "walk" => Walk(args[1]),
                _ => Analyze(args[1], args[0] == "parse"),
            };
            Console.Error.WriteLine($"{args[0]}: {summary} in {watch.Elapsed.TotalSeconds:0.000} s");
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static string ReadAll(string root)
    {
        long files = 0, bytes = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var path in Directory.EnumerateFiles(root, "*", options))
        {
            if (path.Contains("/.git/", StringComparison.Ordinal))
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

    private static string Analyze(string root, bool parseOnly)
    {
        using var frontends = FrontendFactory.Create(new FrontendOptions());
        var result = new RepositoryAnalyzer(ConsolidateConfig.Default, frontends, new ScanOptions()).Analyze(root, null, CancellationToken.None);
        return parseOnly
            ? $"{result.Model.Files.Length} files parsed"
            : $"{result.Model.Files.Length} files, {result.Model.Clusters.Length} clusters, {result.Diagnostics.Length} findings";
    }
}
