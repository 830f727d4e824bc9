using System.Collections.Concurrent;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Scanning;

namespace Consolidate.Analyzers.Tests.Engine;

/// <summary>The order files are parsed in, which must never be the order they are reported in.</summary>
public sealed class ModelPipelineOrderTests
{
    private static readonly string[] Paths = ["a.py", "b.txt", "c.py", "d.txt", "e.txt", "f.py"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Files_named_to_parse_late_are_read_after_every_other_file_and_reported_in_their_place(int parallelism)
    {
        using var frontends = new FrontendSet([]);
        var reads = new ConcurrentQueue<int>();

        var result = ModelPipeline.Run(
            "/repo",
            Paths.Length,
            i =>
            {
                reads.Enqueue(i);
                return new ScannedFile(Paths[i], Language.Other, ParseStatus.Ok, null, 1, null);
            },
            ConsolidateConfig.Default,
            frontends,
            SeverityPolicy.Defaults,
            [],
            parallelism,
            null,
            null,
            CancellationToken.None,
            parseLate: i => Paths[i].EndsWith(".py", StringComparison.Ordinal));

        var order = reads.ToArray();
        Assert.Equal(Paths.Length, order.Distinct().Count());
        if (parallelism == 1)
            Assert.Equal([1, 3, 4, 0, 2, 5], order); // in parallel only the hand-out order is fixed, not who reads first
        Assert.Equal(Paths, result.Model.Files.Select(f => f.Path));
    }
}
