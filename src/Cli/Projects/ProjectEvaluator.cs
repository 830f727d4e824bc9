using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.Build.Construction;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Exceptions;

namespace Consolidate.Cli.Projects;

/// <summary>
/// Evaluates a project (or each C# project of a solution) with the SDK's MSBuild, and runs nothing: evaluation reads
/// the project, its imports and the SDK's props and targets files and computes properties and items (globs expanded),
/// but executes no target and no task, so a project's <c>Exec</c>, inline tasks, restore and design-time build targets
/// never run. Property functions in the files do run, as they do whenever an editor opens the project. Only this class
/// touches MSBuild types, and only after <see cref="MSBuildRegistration"/> pointed the runtime at the SDK's assemblies.
/// </summary>
internal static class ProjectEvaluator
{
    private const string PackageTargets = "Consolidate.Analyzers.Package.targets";

    /// <summary>The tool's import that brings in its copy of the package's targets (next to the tool's assembly).</summary>
    internal static string ScanTargets => Path.Combine(AppContext.BaseDirectory, "Projects", "msbuild", "Consolidate.ProjectScan.targets");

    /// <summary>The evaluated projects, or why they could not be evaluated (file, line and MSBuild's message).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static (ImmutableArray<ProjectEvaluation> Projects, string? Error) Evaluate(string path, CancellationToken cancellationToken)
    {
        try
        {
            var files = path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) ? [path] : SolutionProjects(path);
            if (files.Count == 0)
                return (default, $"{path}: the solution lists no C# project (.csproj)");
            using var collection = new ProjectCollection();
            var evaluations = ImmutableArray.CreateBuilder<ProjectEvaluation>();
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!File.Exists(file))
                    return (default, $"{file}: the project file does not exist (listed in {path})");
                evaluations.Add(EvaluateOne(collection, file));
            }

            return (evaluations.ToImmutable(), null);
        }
        catch (InvalidProjectFileException e)
        {
            var where = e.LineNumber > 0 ? $"({e.LineNumber},{e.ColumnNumber})" : "";
            var code = string.IsNullOrEmpty(e.ErrorCode) ? "" : $"{e.ErrorCode}: ";
            // Some messages carry the inner exception's stack after the first line: the first line says it all.
            var message = e.BaseMessage.Split('\n')[0].TrimEnd();
            return (default, $"{e.ProjectFile ?? path}{where}: {code}{message}");
        }
    }

    private static List<string> SolutionProjects(string path) => SolutionFile.Parse(path).ProjectsInOrder
        .Where(p => p.ProjectType == SolutionProjectType.KnownToBeMSBuildFormat && p.AbsolutePath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        .Select(p => Path.GetFullPath(p.AbsolutePath.Replace('\\', '/')))
        .ToList();

    private static ProjectEvaluation EvaluateOne(ProjectCollection collection, string file)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var project = new Project(file, properties, null, collection);

        // A multi-targeting project: its first target framework, as an editor shows it.
        if (project.GetPropertyValue("TargetFramework").Length == 0 && FirstOf(project.GetPropertyValue("TargetFrameworks")) is { } framework)
        {
            properties["TargetFramework"] = framework;
            project = new Project(file, properties, null, collection);
        }

        var imported = project.Imports.Any(i => string.Equals(Path.GetFileName(i.ImportedProject.FullPath), PackageTargets, StringComparison.OrdinalIgnoreCase));
        if (!imported)
        {
            // Not referenced or not restored: read it as the package would, with the tool's copy of its targets.
            properties["ConsolidateScanOriginalCustomAfter"] = project.GetPropertyValue("CustomAfterMicrosoftCommonTargets");
            properties["CustomAfterMicrosoftCommonTargets"] = ScanTargets;
            project = new Project(file, properties, null, collection);
        }

        var root = Normalize(project.GetPropertyValue("ConsolidateRoot"));
        if (root.Length == 0)
            root = Normalize(project.DirectoryPath);
        var enabled = !string.Equals(project.GetPropertyValue("ConsolidateEnabled"), "false", StringComparison.OrdinalIgnoreCase);
        var config = project.GetPropertyValue("ConsolidateConfig").Trim().Replace('\\', '/');

        return new ProjectEvaluation(
            Normalize(project.FullPath),
            root,
            config.Length == 0 ? null : config,
            enabled,
            imported,
            Items(project, "AdditionalFiles"),
            Items(project, "Compile"),
            enabled ? Existing(collection, root, project.GetPropertyValue("_ConsolidateExcludeRooted")) : [],
            Items(project, "EditorConfigFiles").Where(File.Exists).ToImmutableArray(),
            Ids(project, "NoWarn"),
            Ids(project, "WarningsAsErrors"),
            Ids(project, "WarningsNotAsErrors"),
            string.Equals(project.GetPropertyValue("TreatWarningsAsErrors"), "true", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// What the package's ConsolidateWritePathList target would write: every file under the root but the excluded
    /// globs, expanded by MSBuild's own glob engine in an in-memory project (evaluated, never built).
    /// </summary>
    private static ImmutableArray<string> Existing(ProjectCollection collection, string root, string excludes)
    {
        var xml = ProjectRootElement.Create(collection);
        var item = xml.AddItemGroup().AddItem("_ConsolidateExisting", ProjectCollection.Escape(root + "/") + "**/*");
        if (excludes.Length > 0)
            item.Exclude = excludes;
        return Items(new Project(xml, null, null, collection), "_ConsolidateExisting");
    }

    private static ImmutableArray<string> Items(Project project, string type) => project.GetItems(type)
        .Select(i => Normalize(i.GetMetadataValue("FullPath")))
        .Where(p => p.Length > 0)
        .Distinct(StringComparer.Ordinal)
        .ToImmutableArray();

    private static ImmutableHashSet<string> Ids(Project project, string property) => project.GetPropertyValue(property)
        .Split([';', ',', ' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
        .ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);

    private static string? FirstOf(string list) => list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    private static string Normalize(string path) => path.Length == 0 ? path : Path.GetFullPath(path).Replace('\\', '/').TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/";
}
