using Consolidate.Analyzers.Caching;
using Consolidate.Cli.Tests.Support;
using Consolidate.Tests.Support;

namespace Consolidate.Cli.Tests;

/// <summary>The parse cache seen from the command line: a warm scan writes the same report, byte for byte, and leaves the pack untouched.</summary>
public sealed class CacheTests
{
    [Fact]
    public void A_warm_scan_writes_a_byte_identical_report_and_no_cache_writes_the_same_without_a_cache()
    {
        using var tree = CopyOfSamples();
        var root = tree.PathOf("samples");
        var cold = tree.PathOf("cold.json");
        var warm = tree.PathOf("warm.json");
        var uncached = tree.PathOf("uncached.json");

        var first = CliRun.Of("scan", root, "--format", "json", "--output", cold, "--fail-on", "none");
        var cache = Path.Combine(root, ".consolidate", "cache");
        var pack = Path.Combine(cache, ParseCache.PackFileName);
        var entries = ParseCache.PackSlots(cache);
        var longAgo = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(pack, longAgo);
        var second = CliRun.Of("scan", root, "--format", "json", "--output", warm, "--fail-on", "none");

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.True(entries.Count > 20, $"only {entries.Count} cache entries");
        Assert.Equal(longAgo, File.GetLastWriteTimeUtc(pack));
        Assert.Equal(File.ReadAllBytes(cold), File.ReadAllBytes(warm));

        Directory.Delete(Path.Combine(root, ".consolidate"), recursive: true);
        var third = CliRun.Of("scan", root, "--format", "json", "--output", uncached, "--fail-on", "none", "--no-cache");

        Assert.True(third.ExitCode == 0, third.Stderr);
        Assert.False(Directory.Exists(Path.Combine(root, ".consolidate")));
        Assert.Equal(File.ReadAllBytes(cold), File.ReadAllBytes(uncached));
    }

    [Fact]
    public void A_cache_that_cannot_be_written_is_a_warning_not_an_error()
    {
        using var tree = new TempTree();
        tree.Write("a.sh", "#!/bin/sh\necho a\n").Write(".consolidate", "not a folder\n");

        var run = CliRun.Of("scan", tree.Root, "--format", "json", "--fail-on", "none");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: cannot write the cache", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>samples/ copied (its own cache left out), so the test never writes into the repository.</summary>
    private static TempTree CopyOfSamples()
    {
        var tree = new TempTree();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Samples, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepoPaths.Samples, file).Replace('\\', '/');
            if (relative.StartsWith(".consolidate/", StringComparison.Ordinal) || relative.StartsWith("editor/bin/", StringComparison.Ordinal) || relative.StartsWith("editor/obj/", StringComparison.Ordinal))
                continue;
            tree.WriteBytes("samples/" + relative, File.ReadAllBytes(file));
        }

        return tree;
    }
}
