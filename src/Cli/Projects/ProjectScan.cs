using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Consolidate.Analyzers.Engine;

namespace Consolidate.Cli.Projects;

/// <summary>
/// <c>scan PROJECT.csproj</c> / <c>scan SOLUTION.sln|.slnx</c>: the files and severities the project's build hands the
/// analyzer package, from an MSBuild evaluation (<see cref="ProjectEvaluator"/>: no target runs), through the same
/// pipeline as a folder scan. Paths are relative to <c>ConsolidateRoot</c>, as in the build's diagnostics.
/// docs/projects.md.
/// </summary>
internal static class ProjectScan
{
    public static bool IsProjectPath(string path) =>
        path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The analysis, or why there is none (a message naming the file and what is wrong); <paramref name="notes"/> hears
    /// of projects read with the tool's copy of the package's targets.
    /// </summary>
    public static (AnalysisResult? Result, string? Error) Run(
        string path, FrontendSet frontends, ImmutableHashSet<string>? baseline, IProgress<string>? progress, Action<string>? notes, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            return (null, $"{path}: no such file");
        if (MSBuildRegistration.EnsureRegistered(Path.GetDirectoryName(full)!) is { } unavailable)
            return (null, unavailable);

        progress?.Report($"evaluating {Path.GetFileName(full)}");
        var (projects, error) = Evaluate(full, cancellationToken);
        if (error is not null)
            return (null, error);
        if (projects.Select(p => p.Root).Distinct(StringComparer.Ordinal).Skip(1).Any())
        {
            var roots = string.Join(", ", projects.Select(p => $"{Path.GetFileName(p.Project)}: {p.Root}"));
            return (null, $"{path}: its projects have different ConsolidateRoot folders ({roots}); scan each project on its own");
        }

        if (projects.Select(p => p.ConfigPath).Distinct(StringComparer.Ordinal).Skip(1).Any())
            return (null, $"{path}: its projects name different ConsolidateConfig files; scan each project on its own");

        foreach (var project in projects.Where(p => !p.PackageImported))
            notes?.Invoke($"{project.Project} does not import Consolidate.Analyzers.Package (not referenced, or not restored): read with the tool's copy of the package's targets and their defaults");

        var files = ProjectFileSet.Create(projects, cancellationToken);
        var severities = projects.Select(ProjectSeverities.Create).ToList();
        var byFile = OwningProject(projects);
        var policy = new SeverityPolicy(
            (file, rule) => severities[byFile.TryGetValue(files.Root + "/" + file, out var index) ? index : 0].Values(file, rule),
            baseline);
        if (Enumerable.Range(0, files.Count).Any(files.IsPython))
            (frontends.For(Analyzers.Model.Language.Python) as Analyzers.Frontends.Python.PythonFrontend)?.Prestart();
        var result = ModelPipeline.Run(
            files.Root, files.Count, files.Read, files.Config, frontends, policy, files.ConfigErrors, Environment.ProcessorCount, null, progress, cancellationToken,
            parseLate: files.IsPython);
        return (result, null);
    }

    /// <summary>Kept out of <see cref="Run"/> so that compiling it loads no MSBuild type before the locator is registered.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (ImmutableArray<ProjectEvaluation> Projects, string? Error) Evaluate(string path, CancellationToken cancellationToken) =>
        ProjectEvaluator.Evaluate(path, cancellationToken);

    /// <summary>For a solution, each file's severities come from the first project that hands it to the analyzer.</summary>
    private static Dictionary<string, int> OwningProject(ImmutableArray<ProjectEvaluation> projects)
    {
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < projects.Length; i++)
        {
            foreach (var file in projects[i].AdditionalFiles.Concat(projects[i].CompileFiles))
                owner.TryAdd(file, i);
        }

        return owner;
    }
}
