using System.Collections.Immutable;
using Consolidate.Analyzers.Configuration;

#pragma warning disable RS0030 // Scanning/ is the engine's only reader of the repository (BannedSymbols.IO.txt)

namespace Consolidate.Analyzers.Scanning;

/// <summary>
/// Reads the configuration files of a scan: <c>consolidate.yml</c> (or an explicit file), and the
/// <c>.editorconfig</c>/<c>.globalconfig</c> files that apply (ancestors of the root up to a <c>root = true</c>, and
/// those below it, skipping folders git ignores is left to the caller's walk: config files in ignored folders are rare
/// and harmless since no scanned file lies there).
/// </summary>
public static class ConfigFiles
{
    public const string ConfigFileName = "consolidate.yml";

    /// <summary>Loads consolidate.yml from the root (or <paramref name="explicitPath"/>); no file = defaults.</summary>
    public static (ConsolidateConfig? Config, ImmutableArray<ConfigError> Errors) LoadConfig(string root, string? explicitPath)
    {
        var path = explicitPath ?? Path.Combine(root, ConfigFileName);
        if (explicitPath is null && !File.Exists(path))
        {
            var alternative = Path.Combine(root, "consolidate.yaml");
            if (!File.Exists(alternative))
                return (ConsolidateConfig.Default, ImmutableArray<ConfigError>.Empty);
            path = alternative;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, ImmutableArray.Create(new ConfigError(path, 1, "(file)", $"cannot read: {e.Message}")));
        }

        var display = explicitPath ?? Path.GetFileName(path);
        return ConfigParser.Parse(text, display);
    }

    /// <summary>
    /// The .editorconfig and .globalconfig files that apply to files under <paramref name="root"/>, outermost first,
    /// with their absolute folders; errors name file and line.
    /// </summary>
    public static (ImmutableArray<(string Directory, EditorConfigFile File)> Files, ImmutableArray<ConfigError> Errors) LoadEditorConfigs(
        string root, IEnumerable<string> relativeConfigPaths)
    {
        root = Path.GetFullPath(root).TrimEnd('/');
        var files = new List<(string, EditorConfigFile)>();
        var errors = ImmutableArray.CreateBuilder<ConfigError>();

        var ancestors = new List<string>();
        for (var dir = Directory.GetParent(root); dir is not null; dir = dir.Parent)
            ancestors.Add(dir.FullName);
        ancestors.Reverse();
        var stopAtRoot = false;
        var outer = new List<(string, EditorConfigFile)>();
        for (var i = ancestors.Count - 1; i >= 0 && !stopAtRoot; i--)
        {
            var path = Path.Combine(ancestors[i], ".editorconfig");
            if (!File.Exists(path))
                continue;
            var parsed = Read(path, path, forceGlobal: false, errors);
            if (parsed is null)
                continue;
            outer.Insert(0, (ancestors[i], parsed));
            stopAtRoot = parsed.IsRoot;
        }

        files.AddRange(outer);
        foreach (var relative in relativeConfigPaths.OrderBy(p => p.Count(c => c == '/')).ThenBy(p => p, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(relative);
            var absolute = Path.Combine(root, relative);
            var parsed = Read(absolute, relative, forceGlobal: name == ".globalconfig", errors);
            if (parsed is not null)
                files.Add((Path.GetDirectoryName(absolute)!, parsed));
        }

        return (files.ToImmutableArray(), errors.ToImmutable());
    }

    private static EditorConfigFile? Read(string absolute, string display, bool forceGlobal, ImmutableArray<ConfigError>.Builder errors)
    {
        try
        {
            var parsed = EditorConfigFile.Parse(display, File.ReadAllText(absolute), forceGlobal);
            errors.AddRange(parsed.Errors);
            return parsed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ConfigError(display, 1, "(file)", $"cannot read: {e.Message}"));
            return null;
        }
    }
}
