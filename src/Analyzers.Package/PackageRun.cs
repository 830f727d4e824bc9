using System.Collections.Immutable;
using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends.Compose;
using Consolidate.Analyzers.Frontends.Dockerfile;
using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Package.Frontends.Python;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace Consolidate.Analyzers.Package;

/// <summary>
/// One analysis of a compilation's additional files: the file set (<see cref="AdditionalFileSet"/>), the engine's
/// <see cref="ModelPipeline"/> with in-process frontends (shell and Python through tree-sitter, never a process), and
/// the findings grouped by file, ready to report as Roslyn diagnostics with the severity the policy resolved.
/// </summary>
internal sealed class PackageRun
{
    private readonly ImmutableDictionary<string, ImmutableArray<RoslynDiagnostic>> byPath;

    private PackageRun(AdditionalFileSet files, ImmutableDictionary<string, ImmutableArray<RoslynDiagnostic>> byPath)
    {
        Files = files;
        this.byPath = byPath;
    }

    public AdditionalFileSet Files { get; }

    public static PackageRun Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var files = AdditionalFileSet.Read(options, cancellationToken);
        var severities = new SeverityPolicy((path, rule) => OptionValues(compilation, options, files, path, rule, cancellationToken));

        // The set owns (and disposes) the frontends; the Python one pools native parsers.
        var shell = new ShellFrontend();
        using var frontends = new FrontendSet([shell, new TreeSitterPythonFrontend(), new DockerfileFrontend(shell), new ComposeFrontend()]);
        var result = ModelPipeline.Run(
            files.Root, files.Scanned, files.Config, frontends, severities, files.ConfigErrors, parallelism: 1, progress: null, cancellationToken);

        var diagnostics = new Dictionary<string, List<RoslynDiagnostic>>(StringComparer.Ordinal);
        var planned = new PlannedEdits(result.Model);
        foreach (var finding in result.Reported)
        {
            if (files.TextOf(finding.Path) is not { } text)
                continue;
            var location = LocationOf(files.FullPath(finding.Path), text, finding.Line, finding.Column, finding.EndLine, finding.EndColumn);
            var related = finding.Related
                .Where(r => files.TextOf(r.Path) is not null)
                .Select(r => LocationOf(files.FullPath(r.Path), files.TextOf(r.Path)!, r.StartLine, 1, r.EndLine, int.MaxValue))
                .ToList();
            var properties = finding.Rule == RuleCatalog.BannedTerm ? SafeReplacement(result.Model, files.Config, finding)
                : PlannedEdits.Plans(finding.Rule) ? planned.For(finding)
                : null;
            var diagnostic = Create(finding.Rule, finding.Severity, finding.Message, location, related, properties);
            if (!diagnostics.TryGetValue(finding.Path, out var list))
                diagnostics[finding.Path] = list = [];
            list.Add(diagnostic);
        }

        return new PackageRun(files, diagnostics.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal));
    }

    /// <summary>The findings of one additional file (none for files outside the root or left out).</summary>
    public ImmutableArray<RoslynDiagnostic> For(AdditionalText file) =>
        Files.RelativePath(file.Path) is { } path && byPath.TryGetValue(path, out var found) ? found : ImmutableArray<RoslynDiagnostic>.Empty;

    public void Report(AdditionalFileAnalysisContext context)
    {
        foreach (var diagnostic in For(context.AdditionalFile))
            context.ReportDiagnostic(diagnostic);
    }

    /// <summary>
    /// A finding as a diagnostic of its rule's descriptor, at the severity the policy resolved. Enabled on the
    /// instance: a rule that is off by default and was turned on by our keys must not be dropped as disabled.
    /// </summary>
    private static RoslynDiagnostic Create(
        RuleDescriptor rule, Severity severity, string message, Location location, IEnumerable<Location> related, ImmutableDictionary<string, string?>? properties)
    {
        var descriptor = RoslynDescriptors.For(rule);
        var roslynSeverity = RoslynDescriptors.ToRoslyn(severity);
        return RoslynDiagnostic.Create(
            descriptor.Id,
            descriptor.Category,
            message,
            roslynSeverity,
            descriptor.DefaultSeverity,
            isEnabledByDefault: true,
            warningLevel: roslynSeverity == RoslynSeverity.Error ? 0 : 1,
            title: descriptor.Title,
            description: descriptor.Description,
            helpLink: descriptor.HelpLinkUri,
            location: location,
            additionalLocations: related,
            properties: properties);
    }

    /// <summary>
    /// For a banned term inside a comment, the replacement the code fix writes (a comment's words change no behaviour,
    /// so the fix is safe and local); null elsewhere (identifiers and strings are renamed everywhere at once by
    /// <c>consolidate-analyze fix</c>).
    /// </summary>
    private static ImmutableDictionary<string, string?>? SafeReplacement(Model.RepositoryModel model, ConsolidateConfig config, Engine.Diagnostic finding)
    {
        if (model.File(finding.Path) is not { Text: { } text } file)
            return null;
        var start = text.Offset(finding.Line, finding.Column);
        var end = text.Offset(finding.EndLine, finding.EndColumn);
        var inComment = file.Tokens.Any(t => t.Kind == Model.TokenKind.Comment && t.Span.Start <= start && end <= t.Span.Start + t.Span.Length);
        if (!inComment || end <= start)
            return null;
        var replacement = config.Terms
            .SelectMany(term => Rules.Terms.TermMatcher.Find(text.Text, start, end - start, term))
            .FirstOrDefault(m => m.Start == start && m.Length == end - start)?.Replacement;
        return replacement is null ? null : ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Replacement, replacement);
    }

    private static Location LocationOf(string fullPath, SourceText text, int line, int column, int endLine, int endColumn)
    {
        var start = Position(text, line, column);
        var end = Math.Max(start, Position(text, endLine, endColumn));
        var span = TextSpan.FromBounds(start, end);
        return Location.Create(fullPath, span, text.Lines.GetLinePositionSpan(span));
    }

    private static int Position(SourceText text, int line, int column)
    {
        if (text.Lines.Count == 0)
            return 0;
        var index = Math.Min(Math.Max(line, 1), text.Lines.Count) - 1;
        var textLine = text.Lines[index];
        return (int)Math.Min((long)textLine.Start + Math.Max(column, 1) - 1, textLine.End);
    }

    /// <summary>
    /// The values of <see cref="SeverityPolicy.KeysFor"/> for one file. Our twins come from the file's merged options
    /// (its .editorconfig sections and .globalconfig, as Roslyn merges them); the .NET id key only from .globalconfig
    /// (Roslyn keeps per-file dotnet_diagnostic entries from additional files), the category and all-rules keys from
    /// the file's options. Where both names are set, ours wins.
    /// </summary>
    private static string?[] OptionValues(Compilation compilation, AnalyzerOptions options, AdditionalFileSet files, string path, RuleDescriptor rule, CancellationToken cancellationToken)
    {
        var config = files.AdditionalTextOf(path) is { } text
            ? options.AnalyzerConfigOptionsProvider.GetOptions(text)
            : options.AnalyzerConfigOptionsProvider.GlobalOptions;
        return SeverityPolicy.CompilerValues(
            rule,
            key => config.TryGetValue(key, out var value) ? value : null,
            () => GlobalDiagnosticValue(compilation, rule.Id, cancellationToken));
    }

    private static string? GlobalDiagnosticValue(Compilation compilation, string id, CancellationToken cancellationToken)
    {
        if (compilation.Options.SyntaxTreeOptionsProvider is { } provider && provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out var report))
            return SeverityPolicy.Word(report);
        return compilation.Options.SpecificDiagnosticOptions.TryGetValue(id, out var specific) ? SeverityPolicy.Word(specific) : null;
    }
}
