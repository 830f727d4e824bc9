using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.References;
using Consolidate.Analyzers.Rules;
using Consolidate.Analyzers.Scanning;

namespace Consolidate.Analyzers.Engine;

/// <summary>
/// The scan after the walk, with no IO: parse each file with its frontend, map references and build the clone classes
/// (at once, when more than one file may be parsed at a time), run every rule, then resolve severities and suppressions once. <see cref="RepositoryAnalyzer"/> feeds it the files
/// it read from disk; the analyzer package (src/Analyzers.Package) the compilation's additional files, so both report
/// the same findings for the same files.
/// </summary>
public static class ModelPipeline
{
    /// <param name="parallelism">Files parsed at once (the analyzer package passes 1: the compiler runs analyzers in parallel itself).</param>
    public static AnalysisResult Run(
        string root,
        ImmutableArray<ScannedFile> scanned,
        ConsolidateConfig config,
        FrontendSet frontends,
        SeverityPolicy severities,
        ImmutableArray<ConfigError> configErrors,
        int parallelism,
        IProgress<string>? progress,
        CancellationToken cancellationToken) =>
        Run(root, scanned.Length, i => scanned[i], config, frontends, severities, configErrors, parallelism, null, progress, cancellationToken);

    /// <summary>
    /// The same, reading the files as it goes: <paramref name="read"/> gives the i-th file (called once per file, from
    /// as many threads as <paramref name="parallelism"/>), and each file is parsed and reduced to what the later stages
    /// keep (text, tree, facts, compact tokens) right after, so the bytes of only a few files at a time are alive,
    /// however big the repository. <paramref name="cache"/>, when given, supplies the parse results of unchanged files
    /// and keeps the new ones. Files <paramref name="parseLate"/> names are parsed after all the others: Python, whose
    /// frontend answers only once its first interpreter has started (a version manager's shim takes a good part of a
    /// second), and whose cache entries are keyed on that interpreter, so the other files are parsed meanwhile instead
    /// of both threads waiting for it. <paramref name="similarities"/>, when given, supplies the near-clone similarities an
    /// earlier scan computed (the CLI cache's <c>ParseCache.Similarities</c>) and keeps the new ones; <paramref name="unitFacts"/>
    /// each file's clone facts. <paramref name="parsed"/> is called once every file is parsed, <paramref name="clustered"/> once the clone classes are built, when no stage
    /// after it reads or adds to the caches (the CLI commits its cache then, while the rules run).
    /// </summary>
    public static AnalysisResult Run(
        string root,
        int count,
        Func<int, ScannedFile> read,
        ConsolidateConfig config,
        FrontendSet frontends,
        SeverityPolicy severities,
        ImmutableArray<ConfigError> configErrors,
        int parallelism,
        IParseResultCache? cache,
        IProgress<string>? progress,
        CancellationToken cancellationToken,
        Func<int, bool>? parseLate = null,
        SimilarityMemo? similarities = null,
        IUnitFactsCache? unitFacts = null,
        Action? parsed = null,
        Action? clustered = null)
    {
        progress?.Report($"parsing {count} files");
        var files = new FileModel[count];
        var order = Enumerable.Range(0, count);
        if (parseLate is not null)
            order = order.Where(i => !parseLate(i)).Concat(order.Where(parseLate));
        var sequence = order.ToArray();
        BoundedParallel.For(count, parallelism, cancellationToken, k => files[sequence[k]] = Parse(read(sequence[k]), frontends, cache, cancellationToken));
        parsed?.Invoke();

        // The reference graph and the clone index read the same files and nothing of each other until the index picks
        // canonical copies (by reference counts): built at once, the serial parts of one fill the other's idle core.
        progress?.Report("mapping references and clustering");
        var fileModels = files.ToImmutableArray();
        var mapping = parallelism > 1
            ? Task.Run(() => ReferenceGraphBuilder.Build(fileModels, config, frontends.ShellParser, cancellationToken, parallelism), cancellationToken)
            : Task.FromResult(ReferenceGraphBuilder.Build(fileModels, config, frontends.ShellParser, cancellationToken, parallelism));
        var clusters = CloneIndex.Build(
            fileModels,
            CloneOptions.Default with { CanonicalFolders = config.Canonical },
            path => mapping.GetAwaiter().GetResult().CountInto(path),
            cancellationToken,
            similarities,
            unitFacts);
        var references = mapping.GetAwaiter().GetResult();
        var model = new RepositoryModel(fileModels, clusters, config) { References = references };
        clustered?.Invoke();

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

    private static FileModel Parse(ScannedFile file, FrontendSet frontends, IParseResultCache? cache, CancellationToken cancellationToken)
    {
        var document = file.Document;
        var frontend = document is null ? null : frontends.For(file.Language);
        if (document is null || frontend is null)
            return new FileModel(file.Path, file.Language, file.Status, file.Reason, document?.Text, null);
        if (cache?.TryLoad(file, frontend, cancellationToken) is { } cached)
            return cached;

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

        var model = WithCloneLineKeys(new FileModel(file.Path, file.Language, status, reason, document.Text, parsed.CompactTokens(document.Text)));
        return cache?.Store(file, frontend, model) ?? model;
    }

    /// <summary>The model with its clone line keys (see <see cref="ParsedSource.CloneLineKeys"/>), for a file the clone index reads.</summary>
    private static FileModel WithCloneLineKeys(FileModel model)
    {
        if (model.Parsed is not { } parsed || FileFingerprint.Read(model, 0) is not { } print)
            return model;
        return model with { Parsed = parsed with { CloneLineKeys = ImmutableCollectionsMarshal.AsImmutableArray(print.LineKeys) } };
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
