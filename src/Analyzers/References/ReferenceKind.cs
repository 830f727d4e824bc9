namespace Consolidate.Analyzers.References;

/// <summary>The report's reference kinds (schema v1 <c>references[].kind</c>).</summary>
public enum ReferenceKind
{
    ComposeBuild,
    DockerfileCopy,
    ShellExec,
    ShellSource,
    PythonImport,
    Ci,
    Cron,
    Other,
}
