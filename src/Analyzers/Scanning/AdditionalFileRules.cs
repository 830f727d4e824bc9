using System.Collections.Immutable;
using Consolidate.Analyzers.Configuration;

namespace Consolidate.Analyzers.Scanning;

/// <summary>
/// What a build's file set means, shared by the analyzer package (its additional files) and the CLI's scan of a
/// project (the same items, read from an MSBuild evaluation), so both list the same files: <c>consolidate.yml</c> (or
/// the <c>ConsolidateConfig</c> file) found among the files, git's ignore rules from the <c>.gitignore</c> files among
/// them and <c>.git/info/exclude</c>, <c>.git/</c> and <c>.consolidate/</c> left out, and the configuration's
/// <c>exclude</c> globs as the walk applies them. IO-free: texts come from <c>content</c>.
/// </summary>
public static class AdditionalFileRules
{
    private const string ConfigFileName = "consolidate.yml";

    /// <summary>
    /// The listed paths (repo-relative, sorted) that are part of the set, each with the exclude glob that keeps it
    /// unread (null when it is read); git-ignored paths are left out altogether.
    /// </summary>
    public static IEnumerable<(string Path, string? ExcludedBy)> Select(IEnumerable<string> listed, Func<string, string?> content, ConsolidateConfig config, CancellationToken cancellationToken)
    {
        var ignore = new GitIgnoreFilter(content);
        var excludes = config.Exclude
            .Select((glob, i) => IgnorePattern.Parse(glob, "", "exclude", i + 1))
            .OfType<IgnorePattern>()
            .ToImmutableArray();
        foreach (var path in listed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (path.StartsWith(".git/", StringComparison.Ordinal) || path.StartsWith(".consolidate/", StringComparison.Ordinal) || ignore.IsIgnored(path))
                continue;
            yield return (path, Excluded(path, excludes));
        }
    }

    /// <summary>consolidate.yml (then consolidate.yaml) at the root, or the file <c>ConsolidateConfig</c> names, as the CLI's --config.</summary>
    public static (ConsolidateConfig Config, ImmutableArray<ConfigError> Errors) ReadConfig(Func<string, string?> content, string? configured)
    {
        if (configured is not null)
        {
            if (content(configured) is not { } text)
                return (ConsolidateConfig.Default, ImmutableArray.Create(new ConfigError(configured, 1, "(file)", "not found among the additional files")));
            var (parsed, errors) = ConfigParser.Parse(text, configured);
            return (parsed ?? ConsolidateConfig.Default, errors);
        }

        foreach (var name in new[] { ConfigFileName, "consolidate.yaml" })
        {
            if (content(name) is not { } text)
                continue;
            var (config, errors) = ConfigParser.Parse(text, name);
            return (config ?? ConsolidateConfig.Default, errors);
        }

        return (ConsolidateConfig.Default, ImmutableArray<ConfigError>.Empty);
    }

    private static string? Excluded(string path, ImmutableArray<IgnorePattern> excludes)
    {
        if (excludes.IsEmpty)
            return null;
        // As the walk does: a folder excluded on the way down excludes everything below it.
        var parts = path.Split('/');
        var prefix = "";
        for (var i = 0; i < parts.Length; i++)
        {
            prefix = i == 0 ? parts[0] : prefix + "/" + parts[i];
            var isDirectory = i < parts.Length - 1;
            var match = excludes.LastOrDefault(p => p.Matches(prefix, isDirectory) && !p.Negated);
            if (match is not null)
                return match.Glob;
        }

        return null;
    }
}
