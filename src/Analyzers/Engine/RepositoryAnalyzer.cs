using System.Collections.Immutable;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.References;
using Consolidate.Analyzers.Rules;
using Consolidate.Analyzers.Scanning;

namespace Consolidate.Analyzers.Engine;

/// <summary>
/// The scan pipeline: walk and read, parse each file with its frontend (in parallel, bounded by cores), build the
/// clone classes, run every rule, then resolve severities and suppressions once.
/// </summary>
public sealed class RepositoryAnalyzer
{
    private readonly ConsolidateConfig config;
    private readonly FrontendSet frontends;
    private readonly ScanOptions scanOptions;
    private readonly ImmutableHashSet<string> baseline;

    public RepositoryAnalyzer(ConsolidateConfig config, FrontendSet frontends, ScanOptions scanOptions, ImmutableHashSet<string>? baseline = null)
    {
        this.config = config;
        this.frontends = frontends;
        this.scanOptions = scanOptions;
        this.baseline = baseline ?? ImmutableHashSet<string>.Empty;
    }

    public AnalysisResult Analyze(string root, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        progress?.Report("walking");
        var scanned = new RepositoryScanner(scanOptions).Scan(root, cancellationToken);

        var configPaths = scanned
            .Where(f => f.Path[(f.Path.LastIndexOf('/') + 1)..] is ".editorconfig" or ".globalconfig")
            .Select(f => f.Path);
        var (editorConfigs, configErrors) = ConfigFiles.LoadEditorConfigs(root, configPaths);
        var severities = new SeverityPolicy(Path.GetFullPath(root), editorConfigs, baseline);

        progress?.Report($"parsing {scanned.Length} files");
        var files = new FileModel[scanned.Length];
        Parallel.For(
            0,
            scanned.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            i => files[i] = Parse(scanned[i], cancellationToken));

        progress?.Report("mapping references");
        var fileModels = files.ToImmutableArray();
        var references = ReferenceGraphBuilder.Build(fileModels, config, frontends.ShellParser, cancellationToken);

        progress?.Report("clustering");
        var clusters = CloneIndex.Build(
            fileModels,
            CloneOptions.Default with { CanonicalFolders = config.Canonical },
            path => references.CountInto(path),
            cancellationToken);
        var model = new RepositoryModel(fileModels, clusters, config) { References = references };

        progress?.Report("running rules");
        var diagnostics = new List<Diagnostic>();
        foreach (var rule in RuleSet.All)
        {
            if (!severities.IsEnabled(rule.Descriptor))
                continue;
            rule.Analyze(new RuleContext(rule.Descriptor, model, diagnostics, cancellationToken));
        }

        var resolved = severities.Apply(diagnostics, model)
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Rule.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        return new AnalysisResult(root, model, resolved, configErrors);
    }

    private FileModel Parse(ScannedFile file, CancellationToken cancellationToken)
    {
        var document = file.Document;
        var frontend = document is null ? null : frontends.For(file.Language);
        if (document is null || frontend is null)
            return new FileModel(file.Path, file.Language, file.Status, file.Reason, document?.Text, null);

        var parsed = frontend.Parse(document, cancellationToken);
        var status = file.Status;
        var reason = file.Reason;
        var errors = parsed.Issues.Where(i => !i.IsNote).ToImmutableArray();
        if (file.Language == Language.Python && !parsed.Failed && errors.IsEmpty)
        {
            // CPython decides for Python: a file ast.parse accepts is ok, even where our decoder fell back to Latin-1.
            status = ParseStatus.Ok;
            reason = parsed.Issues.IsEmpty ? reason : Join(reason, Describe(parsed.Issues));
        }
        else if (parsed.Failed)
        {
            status = ParseStatus.Failed;
            reason = Join(reason, Describe(parsed.Issues));
        }
        else if (!errors.IsEmpty)
        {
            status = ParseStatus.Recovered;
            reason = Join(reason, Describe(errors));
        }

        return new FileModel(file.Path, file.Language, status, reason, document.Text, parsed);
    }

    private static string Describe(ImmutableArray<ParseIssue> issues)
    {
        if (issues.IsEmpty)
            return "not parsed";
        var first = issues[0];
        var more = issues.Length > 1 ? $" (+{issues.Length - 1} more)" : "";
        return $"line {first.Line}: {first.Message}{more}";
    }

    private static string Join(string? a, string b) => string.IsNullOrEmpty(a) ? b : a + "; " + b;
}
