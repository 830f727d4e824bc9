using System.Collections.Immutable;
using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Model;
using Microsoft.CodeAnalysis;

namespace Consolidate.Analyzers.Engine;

/// <summary>
/// Severity and suppression, applied once after every rule ran. Severities come from <c>.globalconfig</c> (every file)
/// and <c>.editorconfig</c> sections (per file, nearest file last, later sections win), with the keys .NET developers
/// know: <c>dotnet_diagnostic.&lt;ID&gt;.severity</c>, then <c>dotnet_analyzer_diagnostic.category-&lt;Category&gt;.severity</c>,
/// then <c>dotnet_analyzer_diagnostic.severity</c>; each has a twin of ours, read in its place (the later of the two wins):
/// <c>consolidate_diagnostic.&lt;ID&gt;.severity</c>, <c>consolidate_diagnostic.category-&lt;Category&gt;.severity</c> and
/// <c>consolidate_diagnostic.severity</c>. Roslyn keeps per-file <c>dotnet_diagnostic</c> sections away from diagnostics on
/// additional files, so the analyzer package reads our twins through its own option lookup instead (see
/// docs/analyzer-package.md). Suppressions: <c># consolidate-disable-next-line ID|name</c> and
/// <c># consolidate-disable-file ID|name</c> in a comment, and the baseline's fingerprints.
/// </summary>
public sealed class SeverityPolicy
{
    private readonly ImmutableArray<(string Directory, EditorConfigFile File)> configs;
    private readonly string root;
    private readonly ImmutableHashSet<string> baseline;
    private readonly Func<string, RuleDescriptor, string?[]>? lookup;

    /// <param name="root">Absolute scan root.</param>
    /// <param name="configs">Config files with their absolute folders, outermost first.</param>
    /// <param name="baseline">Fingerprints of findings to leave out.</param>
    public SeverityPolicy(string root, IEnumerable<(string Directory, EditorConfigFile File)> configs, ImmutableHashSet<string>? baseline = null)
    {
        this.root = root.TrimEnd('/');
        this.configs = configs.ToImmutableArray();
        this.baseline = baseline ?? ImmutableHashSet<string>.Empty;
    }

    /// <summary>
    /// A policy whose values come from elsewhere (the analyzer package: Roslyn's merged options of each additional file).
    /// <paramref name="lookup"/> gives, for a repo-relative path and a rule, one value (or null) per key of
    /// <see cref="KeysFor"/>, most specific first.
    /// </summary>
    public SeverityPolicy(Func<string, RuleDescriptor, string?[]> lookup, ImmutableHashSet<string>? baseline = null)
        : this("/", [], baseline)
    {
        this.lookup = lookup;
    }

    public static SeverityPolicy Defaults { get; } = new("/", []);

    /// <summary>
    /// The keys that set a rule's severity, most specific first; each entry is the .NET key and our twin, which stand
    /// for the same thing: the id key, the category key, the all-rules key. Keys are lower case.
    /// </summary>
    public static ImmutableArray<(string Dotnet, string Own)> KeysFor(RuleDescriptor rule)
    {
        var id = rule.Id.ToLowerInvariant();
        var category = rule.Category.ToString().ToLowerInvariant();
        return
        [
            ($"dotnet_diagnostic.{id}.severity", $"consolidate_diagnostic.{id}.severity"),
            ($"dotnet_analyzer_diagnostic.category-{category}.severity", $"consolidate_diagnostic.category-{category}.severity"),
            ("dotnet_analyzer_diagnostic.severity", "consolidate_diagnostic.severity"),
        ];
    }

    /// <summary>
    /// The values of <see cref="KeysFor"/> as the compiler's view of one file gives them, shared by the analyzer package
    /// and the CLI's project scan so both read the keys alike: our own key wins; for the id slot the compiler's
    /// reported severity for the id (a <c>.globalconfig</c> <c>dotnet_diagnostic.ID.severity</c>, which per-file sections
    /// do not reach on additional files) comes next; the other slots take the file's <c>dotnet_</c> key.
    /// </summary>
    /// <param name="option">One key's value from the file's analyzer config options, or null.</param>
    /// <param name="reportedForId">The compiler's global severity word for the rule's id, or null.</param>
    public static string?[] CompilerValues(RuleDescriptor rule, Func<string, string?> option, Func<string?> reportedForId)
    {
        var keys = KeysFor(rule);
        var values = new string?[keys.Length];
        for (var k = 0; k < keys.Length; k++)
            values[k] = option(keys[k].Own) ?? (k == 0 ? reportedForId() : option(keys[k].Dotnet));
        return values;
    }

    /// <summary>The severity the values of <see cref="KeysFor"/> give: the most specific recognised value, else the default.</summary>
    public static Severity Resolve(RuleDescriptor rule, IReadOnlyList<string?> values)
    {
        foreach (var value in values)
        {
            var severity = Parse(value, rule.DefaultSeverity);
            if (severity is not null)
                return severity.Value;
        }

        return rule.DefaultSeverity;
    }

    public bool IsEnabled(RuleDescriptor rule) => true;

    /// <summary>The effective severity of a rule for a repo-relative path.</summary>
    public Severity SeverityFor(RuleDescriptor rule, string path)
    {
        if (lookup is not null)
            return Resolve(rule, lookup(path, rule));

        var absolute = root + "/" + path;
        var keys = KeysFor(rule);
        var values = new string?[keys.Length];
        ApplyMatching(absolute, keys, values, global: true);
        ApplyMatching(absolute, keys, values, global: false);
        return Resolve(rule, values);
    }

    public IEnumerable<Diagnostic> Apply(IEnumerable<Diagnostic> diagnostics, RepositoryModel model)
    {
        var suppressions = new Dictionary<string, SuppressionIndex>(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            var severity = SeverityFor(diagnostic.Rule, diagnostic.Path);
            if (severity == Severity.None)
                continue;

            if (!suppressions.TryGetValue(diagnostic.Path, out var index))
                suppressions[diagnostic.Path] = index = SuppressionIndex.For(model.File(diagnostic.Path));
            var reason = index.Suppresses(diagnostic.Rule, diagnostic.Line);
            if (reason is null && baseline.Contains(Fingerprint.Of(diagnostic)))
                reason = "in the baseline";
            yield return diagnostic with { Severity = severity, Suppressed = reason };
        }
    }

    private void ApplyMatching(string absolute, ImmutableArray<(string Dotnet, string Own)> keys, string?[] values, bool global)
    {
        // Only .editorconfig files from the nearest one marked root=true inward count, as in EditorConfig.
        var start = 0;
        if (!global)
        {
            for (var i = 0; i < configs.Length; i++)
            {
                var (directory, file) = configs[i];
                if (!file.IsGlobal && file.IsRoot && IsUnder(absolute, directory))
                    start = i;
            }
        }

        for (var i = start; i < configs.Length; i++)
        {
            var (directory, file) = configs[i];
            if (file.IsGlobal != global || !IsUnder(absolute, directory))
                continue;
            var relative = absolute[(directory.TrimEnd('/').Length + 1)..];
            foreach (var section in file.Sections)
            {
                if (!section.Matches(relative))
                    continue;
                for (var k = 0; k < keys.Length; k++)
                {
                    // Both names in one section: the later line wins, as a repeated key would.
                    var hasDotnet = section.Properties.TryGetValue(keys[k].Dotnet, out var dotnet);
                    var hasOwn = section.Properties.TryGetValue(keys[k].Own, out var own);
                    if (hasDotnet && (!hasOwn || dotnet.Line > own.Line))
                        values[k] = dotnet.Value;
                    else if (hasOwn)
                        values[k] = own.Value;
                }
            }
        }
    }

    private static bool IsUnder(string absolute, string directory) =>
        directory == "/" || absolute.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal);

    /// <summary>The configuration word for a severity the compiler reports (what <see cref="Parse"/> reads back); null for its default.</summary>
    public static string? Word(ReportDiagnostic report) => report switch
    {
        ReportDiagnostic.Error => "error",
        ReportDiagnostic.Warn => "warning",
        ReportDiagnostic.Info => "suggestion",
        ReportDiagnostic.Hidden or ReportDiagnostic.Suppress => "none",
        _ => null,
    };

    /// <summary>The configuration word for a severity (what <see cref="Parse"/> reads back).</summary>
    public static string Word(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "suggestion",
        _ => "none",
    };

    /// <summary>none/silent, suggestion (info), warning, error, default; null when unset or unknown.</summary>
    internal static Severity? Parse(string? value, Severity ruleDefault) => value?.Trim().ToLowerInvariant() switch
    {
        "none" or "silent" => Severity.None,
        "suggestion" or "info" => Severity.Info,
        "warning" => Severity.Warning,
        "error" => Severity.Error,
        "default" => ruleDefault,
        _ => null,
    };
}
