using System.Collections.Immutable;
using Consolidate.Analyzers.Engine;

#pragma warning disable RS0030 // Validation/ owns the scratch copy and its git (BannedSymbols.IO.txt)

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
        checks.Add(TreeChecks.Parse(Current, after, touched, created));
        checks.Add(TreeChecks.References(Current, after));
        checks.Add(TreeChecks.Findings(Current, after, ruleIds));

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
