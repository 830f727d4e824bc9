using System.Collections.Immutable;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Clones;

/// <summary>Runs <see cref="CloneIndex"/> on test files and describes the result in one line per class, for asserts.</summary>
internal static class CloneRun
{
    public static ImmutableArray<CloneCluster> Of(params (string Path, string Text)[] files) => Of(new CloneOptions(), files);

    public static ImmutableArray<CloneCluster> Of(CloneOptions options, params (string Path, string Text)[] files) =>
        CloneIndex.Build(TestTokenBuilder.Files(files), options, null, CancellationToken.None);

    public static ImmutableArray<CloneCluster> Of(IReadOnlyList<FileModel> files, CloneOptions? options = null, Func<string, int>? referenceCount = null) =>
        CloneIndex.Build(files, options ?? new CloneOptions(), referenceCount, CancellationToken.None);

    /// <summary>"Fragment Renamed a.py:3-12 b.py:5-14" with members in order.</summary>
    public static string Describe(CloneCluster cluster) =>
        $"{cluster.Scope} {cluster.Kind} " + string.Join(" ", cluster.Members.Select(m => $"{m.Path}:{m.StartLine}-{m.EndLine}"));

    public static string Describe(IEnumerable<CloneCluster> clusters) => string.Join("\n", clusters.Select(Describe));

    /// <summary>The lines [first, last] of <paramref name="text"/> holding <paramref name="snippet"/> (its first and last line).</summary>
    public static (int First, int Last) LinesOf(string text, string snippet)
    {
        var at = text.IndexOf(snippet.Trim(), StringComparison.Ordinal);
        Assert.True(at >= 0, "snippet not found");
        var source = new SourceText(text);
        return (source.LineOf(at), source.LineOf(at + snippet.Trim().Length));
    }
}
