using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Model;

namespace Consolidate.Cli.Formatters;

/// <summary>The report's words for enum values (schema v1).</summary>
public static class ReportNames
{
    public static string Of(Language language) => language switch
    {
        Language.CSharp => "csharp",
        _ => language.ToString().ToLowerInvariant(),
    };

    public static string Of(ParseStatus status) => status.ToString().ToLowerInvariant();

    public static string Of(Analyzers.References.ReferenceKind kind) => kind switch
    {
        Analyzers.References.ReferenceKind.ComposeBuild => "compose-build",
        Analyzers.References.ReferenceKind.DockerfileCopy => "dockerfile-copy",
        Analyzers.References.ReferenceKind.ShellExec => "shell-exec",
        Analyzers.References.ReferenceKind.ShellSource => "shell-source",
        Analyzers.References.ReferenceKind.PythonImport => "python-import",
        Analyzers.References.ReferenceKind.Ci => "ci",
        Analyzers.References.ReferenceKind.Cron => "cron",
        _ => "other",
    };

    public static string Of(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
