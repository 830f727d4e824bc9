using System.Text.Json;

namespace Consolidate.Cli.Tests;

/// <summary>
/// The runtime settings the tool ships with, which benchmarks/RESULTS.md measured: dropping one silently costs time or
/// memory on every scan (no unit test would notice), so they are pinned here.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_tool_runs_with_the_measured_gc_and_compilation_settings()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "consolidate-analyze.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        // Arrays up to 1 MB die in gen0 instead of waiting in the large object heap: about 35 MB and 1 s on sutazai v76.
        Assert.Equal(1024 * 1024, properties.GetProperty("System.GC.LOHThreshold").GetInt32());
        // The background GC, the default; off, it cost earlier builds about 100 MB.
        Assert.True(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        // One optimized compile per method (or the ReadyToRun code) instead of tiering.
        Assert.False(properties.GetProperty("System.Runtime.TieredCompilation").GetBoolean());
    }
}
