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

    public static string Of(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}
