using System.Text.Json;
using Consolidate.Cli.Tests.Support;
using NJsonSchema;

namespace Consolidate.Cli.Tests;

/// <summary>The JSON report of samples/ validates against shared/contracts/report.schema.json and lists every file.</summary>
public sealed class ReportSchemaTests
{
    [Fact]
    public async Task Samples_report_validates_against_the_contract()
    {
        var output = Path.Combine(Path.GetTempPath(), $"consolidate-report-{Guid.NewGuid():N}.json");
        try
        {
            var run = CliRun.Of("scan", RepoPaths.Samples, "--format", "json", "--output", output, "--fail-on", "none");
            Assert.True(run.ExitCode == 0, run.Stderr);

            var schema = await JsonSchema.FromFileAsync(RepoPaths.ReportSchema);
            var json = await File.ReadAllTextAsync(output);
            var errors = schema.Validate(json);

            Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind}"));
            using var report = JsonDocument.Parse(json);
            var listed = report.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToHashSet();
            var onDisk = Directory.EnumerateFiles(RepoPaths.Samples, "*", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(RepoPaths.Samples, p).Replace('\\', '/'))
                .Where(p => !p.StartsWith("editor/bin/", StringComparison.Ordinal) && !p.StartsWith("editor/obj/", StringComparison.Ordinal))
                .Where(p => !p.StartsWith(".consolidate/", StringComparison.Ordinal)); // the tool's own cache, never scanned
            Assert.All(onDisk, p => Assert.Contains(p, listed));
        }
        finally
        {
            File.Delete(output);
        }
    }
}
