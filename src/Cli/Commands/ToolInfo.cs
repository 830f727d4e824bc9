using System.Reflection;

namespace Consolidate.Cli.Commands;

/// <summary>The tool's name and version (informational version without the source hash).</summary>
public static class ToolInfo
{
    public static string Version { get; } =
        (typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
