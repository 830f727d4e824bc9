using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// The Python frontend: CPython's own <c>ast</c> and <c>tokenize</c>, run by a <see cref="PythonWorkerPool"/> on the
/// file's bytes, so coding cookies, a BOM and every grammar rule behave exactly as in CPython. A syntax error is an
/// issue on a still tokenized file (the scan reports it recovered, without facts); a timeout, a dead worker or a
/// missing interpreter fails the file with the reason. Thread-safe.
/// </summary>
public sealed class PythonFrontend : IFrontend, IDisposable
{
    internal const string ParseRequest = "parse";

    private readonly PythonWorkerPool pool;
    private readonly bool ownsPool;

    /// <summary>A frontend with its own pool, configured by the run's options; disposing it stops the workers.</summary>
    public PythonFrontend(FrontendOptions options)
        : this(PoolFor(options), ownsPool: true)
    {
    }

    /// <summary>A frontend on a pool the caller owns (and disposes).</summary>
    public PythonFrontend(PythonWorkerPool pool)
        : this(pool, ownsPool: false)
    {
    }

    private PythonFrontend(PythonWorkerPool pool, bool ownsPool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        this.pool = pool;
        this.ownsPool = ownsPool;
    }

    public Language Language => Language.Python;

    public ParsedSource Parse(SourceDocument document, CancellationToken cancellationToken) =>
        Parse(document, ParseRequest, cancellationToken);

    /// <summary>A seam for tests: sends <paramref name="requestType"/> instead of "parse" (worker test commands).</summary>
    internal ParsedSource Parse(SourceDocument document, string requestType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        if (document.Bytes.Length == 0 && requestType == ParseRequest)
            return PythonModelBuilder.Empty(document.Text);

        var exchange = pool.Request(requestType, document.Path, document.Bytes, cancellationToken);
        return exchange.Reply is { } reply
            ? PythonModelBuilder.Build(reply, document.Text)
            : ParsedSource.FailedWith(document.Text, new ParseIssue(1, 1, exchange.Failure ?? "python worker gave no reply"));
    }

    public void Dispose()
    {
        if (ownsPool)
            pool.Dispose();
    }

    private static PythonWorkerPool PoolFor(FrontendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PythonWorkerPool(options.PythonExecutable, options.PythonWorkers, options.ParseTimeout);
    }
}
