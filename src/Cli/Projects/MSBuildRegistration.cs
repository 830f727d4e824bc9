using Microsoft.Build.Locator;

namespace Consolidate.Cli.Projects;

/// <summary>
/// Finds the .NET SDK that <c>dotnet build</c> would use in a folder (its global.json included) and registers its
/// MSBuild with <see cref="MSBuildLocator"/>. Kept apart from <see cref="ProjectEvaluator"/>, and free of MSBuild
/// types, so the runtime loads no Microsoft.Build assembly before the locator can point it at the SDK's; the tool
/// ships none (ExcludeAssets=runtime). The registration holds for the process: the first project's SDK is used.
/// </summary>
internal static class MSBuildRegistration
{
    /// <summary>Registers an SDK's MSBuild unless one is; returns why none could be, or null.</summary>
    public static string? EnsureRegistered(string workingDirectory)
    {
        if (MSBuildLocator.IsRegistered)
            return null;
        try
        {
            var instance = MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
            {
                DiscoveryTypes = DiscoveryType.DotNetSdk,
                WorkingDirectory = workingDirectory,
            }).FirstOrDefault();
            if (instance is null)
                return "no .NET SDK found: scanning a project evaluates it with the .NET SDK's MSBuild; install the SDK the project's global.json asks for, with dotnet on PATH";
            MSBuildLocator.RegisterInstance(instance);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return $"cannot load the .NET SDK's MSBuild: {e.Message}";
        }
    }
}
