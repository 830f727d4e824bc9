using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends;

/// <summary>
/// A language frontend: parses one document into the normalized model. Expected failures (syntax errors, timeouts,
/// a missing interpreter) come back as <see cref="ParseIssue"/>s or <see cref="ParsedSource.Failed"/>, never as
/// exceptions. Implementations are thread-safe: the scan calls Parse from several threads.
/// </summary>
public interface IFrontend
{
    Language Language { get; }

    ParsedSource Parse(SourceDocument document, CancellationToken cancellationToken);
}
