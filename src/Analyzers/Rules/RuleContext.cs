using System.Collections.Immutable;
using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Rules;

/// <summary>What a rule sees (the model) and how it reports. Findings get the rule's default severity; the engine resolves the rest.</summary>
public sealed class RuleContext
{
    private readonly RuleDescriptor rule;
    private readonly List<Diagnostic> sink;

    public RuleContext(RuleDescriptor rule, RepositoryModel model, List<Diagnostic> sink, CancellationToken cancellationToken)
    {
        this.rule = rule;
        this.sink = sink;
        Model = model;
        CancellationToken = cancellationToken;
    }

    public RepositoryModel Model { get; }

    public ConsolidateConfig Config => Model.Config;

    public CancellationToken CancellationToken { get; }

    public string? Option(string key) => Config.RuleOption(rule.Id, key);

    public void Report(FileModel file, SourceSpan span, string message, ImmutableArray<RelatedLocation> related = default) =>
        sink.Add(new Diagnostic(rule, rule.DefaultSeverity, file.Path, span.StartLine, span.StartColumn, span.EndLine, span.EndColumn, message,
            related.IsDefault ? ImmutableArray<RelatedLocation>.Empty : related)
        {
            Snippet = file.Text?.LineText(span.StartLine).Trim(),
        });

    public void ReportLines(string path, int startLine, int endLine, string message, ImmutableArray<RelatedLocation> related = default)
    {
        var text = Model.File(path)?.Text;
        var endColumn = text is null || endLine > text.LineCount ? 1 : text.LineText(endLine).Length + 1;
        sink.Add(new Diagnostic(rule, rule.DefaultSeverity, path, startLine, 1, endLine, endColumn, message,
            related.IsDefault ? ImmutableArray<RelatedLocation>.Empty : related)
        {
            Snippet = text is null || startLine > text.LineCount ? null : text.LineText(startLine).Trim(),
        });
    }
}
