using System.Collections.Immutable;
using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using RoslynText = Microsoft.CodeAnalysis.Text.SourceText;

namespace Consolidate.Cli.Projects;

/// <summary>
/// The severity each finding gets in the project's build, computed the way the build computes it: the project's
/// <c>EditorConfigFiles</c> (its .editorconfig and .globalconfig files) merged by Roslyn's own
/// <see cref="AnalyzerConfigSet"/>, read as the package reads them (<c>PackageRun.OptionValues</c>: our
/// <c>consolidate_diagnostic</c> keys per file, the .NET id key from .globalconfig only, the category and all-rules keys
/// per file), then what the compiler does to an analyzer's diagnostic: a .globalconfig
/// <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> replaces it, <c>NoWarn</c> drops it, <c>WarningsAsErrors</c> and
/// <c>TreatWarningsAsErrors</c> (less <c>WarningsNotAsErrors</c>) raise it to an error.
/// </summary>
internal sealed class ProjectSeverities
{
    private readonly AnalyzerConfigSet set;
    private readonly ProjectEvaluation project;

    private ProjectSeverities(AnalyzerConfigSet set, ProjectEvaluation project)
    {
        this.set = set;
        this.project = project;
    }

    public static ProjectSeverities Create(ProjectEvaluation project)
    {
        var configs = new List<AnalyzerConfig>();
        foreach (var path in project.AnalyzerConfigFiles)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The compiler fails on an unreadable config file; the scan goes on without it.
                continue;
            }

            configs.Add(AnalyzerConfig.Parse(RoslynText.From(text), path));
        }

        return new ProjectSeverities(AnalyzerConfigSet.Create(configs, out _), project);
    }

    /// <summary>The values for <see cref="SeverityPolicy"/>'s lookup: the final severity word in the id slot.</summary>
    public string?[] Values(string path, RuleDescriptor rule)
    {
        var options = set.GetOptionsForSourcePath(project.Root + "/" + path).AnalyzerOptions;
        var global = set.GlobalConfigOptions.TreeOptions;
        var values = SeverityPolicy.CompilerValues(
            rule,
            key => options.TryGetValue(key, out var value) ? value : null,
            () => global.TryGetValue(rule.Id, out var report) ? SeverityPolicy.Word(report) : null);

        var severity = SeverityPolicy.Resolve(rule, values);
        if (severity != Severity.None)
            severity = Compiler(rule, severity);
        return [SeverityPolicy.Word(severity), null, null];
    }

    /// <summary>What the compiler does to a diagnostic the analyzer reported at <paramref name="severity"/>.</summary>
    private Severity Compiler(RuleDescriptor rule, Severity severity)
    {
        var id = rule.Id;
        if (project.NoWarn.Contains(id))
            return Severity.None;
        if (set.GlobalConfigOptions.TreeOptions.TryGetValue(id, out var global) && SeverityPolicy.Word(global) is { } word)
            severity = SeverityPolicy.Resolve(rule, [word]);
        if (severity == Severity.None)
            return severity;
        if (project.WarningsAsErrors.Contains(id))
            return Severity.Error;
        return severity == Severity.Warning && project.TreatWarningsAsErrors && !project.WarningsNotAsErrors.Contains(id) ? Severity.Error : severity;
    }
}
