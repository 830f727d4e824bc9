using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Shell;

/// <summary>
/// Parses shell text embedded in another file (a Dockerfile RUN body, a workflow <c>run:</c> block, a Makefile recipe,
/// a crontab command). <paramref name="snippet"/> stands for <c>host.Text[start..(start + snippet.Length)]</c>: it has
/// the same length and may mask characters (for example a Dockerfile comment line inside a continuation replaced by
/// spaces), so every span of the result is computed in <paramref name="host"/> coordinates.
/// </summary>
public interface IShellParser
{
    ParsedSource Parse(SourceText host, int start, string snippet, CancellationToken cancellationToken);
}
