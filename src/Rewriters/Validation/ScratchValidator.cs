using System.Collections.Immutable;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Model;

namespace Consolidate.Rewriters.Validation;

/// <summary>
/// A scratch copy of the repository (without .git) where patches are applied in order with real <c>git apply</c>, and
/// after each one the engine scans the copy again: no touched file may parse worse than before (for Python, CPython's
/// <c>ast.parse</c> decides), no reference may newly dangle, and the family's own findings may not grow. A patch that
/// fails is taken back out, so later patches are checked on what will really be there.
/// </summary>
public sealed class ScratchValidator : IDisposable
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(60);

    private readonly string home;
    private readonly string scratch;
    private readonly RepositoryAnalyzer analyzer;
    private readonly CancellationToken cancellationToken;
    private int patchCount;

    public ScratchValidator(string repositoryRoot, RepositoryAnalyzer analyzer, CancellationToken cancellationToken)
    {
        this.analyzer = analyzer;
        this.cancellationToken = cancellationToken;
        home = Directory.CreateTempSubdirectory("consolidate-fix-").FullName;
        scratch = Path.Combine(home, "repo");
        CopyTree(Path.GetFullPath(repositoryRoot), scratch);
        var (code, output) = GitProcess.Run(scratch, GitTimeout, "init", "-q");
        if (code != 0)
            throw new InvalidOperationException($"git init in the scratch copy failed: {output}");
        Baseline = analyzer.Analyze(scratch, null, cancellationToken);
        Current = Baseline;
    }

    /// <summary>The scan of the untouched copy.</summary>
    public AnalysisResult Baseline { get; }

    /// <summary>The scan after every patch accepted so far.</summary>
    public AnalysisResult Current { get; private set; }

    /// <summary>The scratch copy's folder: the repository as it is after every patch accepted so far.</summary>
    public string Root => scratch;

    public ValidationOutcome Validate(byte[] patch, IReadOnlyCollection<string> touched, IReadOnlyCollection<string> created, ImmutableArray<string> ruleIds)
    {
        var checks = ImmutableArray.CreateBuilder<Check>();
        var patchFile = Path.Combine(home, $"{++patchCount:00}.patch");
        File.WriteAllBytes(patchFile, patch);

        var (code, output) = GitProcess.Run(scratch, GitTimeout, "apply", "--check", patchFile);
        if (code != 0)
        {
            checks.Add(new Check("git-apply", false, $"git apply --check failed: {FirstLines(output)}"));
            return new ValidationOutcome(checks.ToImmutable());
        }

        (code, output) = GitProcess.Run(scratch, GitTimeout, "apply", patchFile);
        checks.Add(new Check("git-apply", code == 0, code == 0 ? $"applies with git apply to a copy of the repository ({touched.Count} file(s))" : FirstLines(output)));
        if (code != 0)
            return new ValidationOutcome(checks.ToImmutable());

        var after = analyzer.Analyze(scratch, null, cancellationToken);
        checks.Add(ParseCheck(Current, after, touched, created));
        checks.Add(ReferenceCheck(Current, after));
        checks.Add(FindingsCheck(Current, after, ruleIds));

        var outcome = new ValidationOutcome(checks.ToImmutable());
        if (outcome.Passed)
        {
            Current = after;
        }
        else
        {
            (code, output) = GitProcess.Run(scratch, GitTimeout, "apply", "-R", patchFile);
            if (code != 0)
                throw new InvalidOperationException($"could not take a failed patch back out of the scratch copy: {output}");
        }

        return outcome;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(home, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless; the OS cleans it.
        }
    }

    private static Check ParseCheck(AnalysisResult before, AnalysisResult after, IReadOnlyCollection<string> touched, IReadOnlyCollection<string> created)
    {
        var worse = new List<string>();
        foreach (var path in touched)
        {
            var old = before.Model.File(path);
            var now = after.Model.File(path);
            if (now is null)
                continue;
            var oldRank = created.Contains(path) || old is null ? Rank(ParseStatus.Ok) : Rank(old.Status);
            if (Rank(now.Status) > oldRank)
                worse.Add($"{path}: {Name(old?.Status)} -> {Name(now.Status)} ({now.Reason})");
        }

        var parsed = touched.Select(after.Model.File).OfType<FileModel>().ToList();
        var detail = worse.Count == 0
            ? $"{parsed.Count} touched file(s) re-parsed, none worse ({Describe(parsed)})"
            : "parses worse after the change: " + string.Join("; ", worse);
        return new Check("parse", worse.Count == 0, detail);
    }

    private static Check ReferenceCheck(AnalysisResult before, AnalysisResult after)
    {
        var old = Dangling(before).ToHashSet();
        var added = Dangling(after).Where(d => !old.Contains(d)).Distinct().ToList();
        return added.Count == 0
            ? new Check("references", true, $"{after.Model.References.References.Length} reference(s) resolved again, no new dangling reference ({old.Count} before, {Dangling(after).Count()} after)")
            : new Check("references", false, "new dangling reference(s): " + string.Join("; ", added.Take(10).Select(d => $"{d.Source} -> {d.Target} ({d.Kind})")));
    }

    private static Check FindingsCheck(AnalysisResult before, AnalysisResult after, ImmutableArray<string> ruleIds)
    {
        var b = RepositoryMetrics.Of(before);
        var a = RepositoryMetrics.Of(after);
        var parts = ruleIds.Select(id => $"{id} {b.Of(id)} -> {a.Of(id)}");
        var passed = ruleIds.Sum(a.Of) <= ruleIds.Sum(b.Of);
        return new Check("findings", passed, string.Join(", ", parts) + $"; all findings {b.Findings} -> {a.Findings}");
    }

    private static IEnumerable<(string Source, string Target, string Kind)> Dangling(AnalysisResult result) =>
        result.Model.References.References.Where(r => r.IsDangling).Select(r => (r.Source, r.Target, r.Kind.ToString()));

    private static int Rank(ParseStatus status) => status switch
    {
        ParseStatus.Ok => 0,
        ParseStatus.Recovered => 1,
        ParseStatus.Failed => 2,
        _ => 3,
    };

    private static string Name(ParseStatus? status) => status?.ToString().ToLowerInvariant() ?? "new";

    private static string Describe(List<FileModel> files) => string.Join(", ", files
        .GroupBy(f => (f.Language, f.Status))
        .OrderBy(g => g.Key.Language.ToString(), StringComparer.Ordinal).ThenBy(g => g.Key.Status)
        .Select(g => $"{g.Count()} {g.Key.Language.ToString().ToLowerInvariant()} {g.Key.Status.ToString().ToLowerInvariant()}"));

    private static string FirstLines(string output) => string.Join(" | ", output.Split('\n').Take(5).Select(l => l.Trim()));

    /// <summary>Copies a tree without .git; symbolic links are copied as links (never followed), so a link out stays a link.</summary>
    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            var destination = Path.Combine(target, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                if (entry is DirectoryInfo)
                    Directory.CreateSymbolicLink(destination, link);
                else
                    File.CreateSymbolicLink(destination, link);
            }
            else if (entry is DirectoryInfo directory)
            {
                if (directory.Name == ".git")
                    continue;
                CopyTree(directory.FullName, destination);
            }
            else
            {
                File.Copy(entry.FullName, destination);
                if (!OperatingSystem.IsWindows())
                    File.SetUnixFileMode(destination, File.GetUnixFileMode(entry.FullName));
            }
        }
    }
}
