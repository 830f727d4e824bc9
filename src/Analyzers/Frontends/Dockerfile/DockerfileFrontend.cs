using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Dockerfile;

/// <summary>
/// The Dockerfile frontend, written to the Dockerfile reference and BuildKit's parser: directives, continuations,
/// heredocs, exec and shell form, flags, ONBUILD and stages. Shell-form RUN, CMD, ENTRYPOINT and HEALTHCHECK CMD
/// bodies (and RUN heredocs) go through <see cref="IShellParser"/> with Dockerfile-only syntax masked, so their facts
/// and tokens carry Dockerfile lines. Thread-safe: each call reads with its own state.
/// </summary>
public sealed class DockerfileFrontend(IShellParser? shellParser) : IFrontend
{
    public Language Language => Language.Dockerfile;

    public ParsedSource Parse(SourceDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new DockerfileReader(document.Text, shellParser, cancellationToken).Read();
    }
}
