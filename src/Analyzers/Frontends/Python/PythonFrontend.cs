using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// The Python frontend. Structure, symbols, facts and the verdict come from CPython's own <c>ast</c>, run by a
/// <see cref="PythonWorkerPool"/> on the file's bytes, so coding cookies, a BOM and every grammar rule behave exactly as
/// in CPython. Tokens come from tree-sitter-python in .NET (<see cref="PythonTreeSitterTokenizer"/>): several times
/// cheaper than CPython's pure-Python <c>tokenize</c>, and still there when CPython rejects the file. Without the native
/// library (or when tree-sitter runs out of budget) the worker's <c>tokenize</c> supplies them, classed the same way.
/// A syntax error is an issue on a still tokenized file (the scan reports it recovered, without facts); a timeout, a
/// dead worker or a missing interpreter fails the file with the reason. Thread-safe.
/// </summary>
public sealed class PythonFrontend : IFrontend, IFrontendIdentity, IDisposable
{
    internal const string ParseRequest = "parse";

    private readonly PythonWorkerPool pool;
    private readonly bool ownsPool;
    private readonly PythonTreeSitterTokenizer tokenizer;

    /// <summary>
    /// A frontend with its own pool, configured by the run's options; disposing it stops the workers. It starts one
    /// worker in the background at once (<see cref="Prestart"/>): a run creates its frontends before walking the
    /// repository, so the interpreter's start-up overlaps the walk instead of delaying the first Python file.
    /// </summary>
    public PythonFrontend(FrontendOptions options)
        : this(PoolFor(options), ownsPool: true, new PythonTreeSitterTokenizer())
    {
        Prestart();
    }

    /// <summary>A frontend on a pool the caller owns (and disposes).</summary>
    public PythonFrontend(PythonWorkerPool pool)
        : this(pool, ownsPool: false, new PythonTreeSitterTokenizer())
    {
    }

    /// <summary>A seam for tests: a frontend on a pool the caller owns, with the given tokenizer.</summary>
    internal PythonFrontend(PythonWorkerPool pool, PythonTreeSitterTokenizer tokenizer)
        : this(pool, ownsPool: false, tokenizer)
    {
    }

    private PythonFrontend(PythonWorkerPool pool, bool ownsPool, PythonTreeSitterTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(tokenizer);
        this.pool = pool;
        this.ownsPool = ownsPool;
        this.tokenizer = tokenizer;
    }

    public Language Language => Language.Python;

    /// <summary>The interpreter the verdicts come from (see <see cref="PythonWorkerPool.Identity"/>); the tokenizer is part of the tool.</summary>
    public string? Identity(CancellationToken cancellationToken) => pool.Identity(cancellationToken);

    public ParsedSource Parse(SourceDocument document, CancellationToken cancellationToken) =>
        Parse(document, ParseRequest, cancellationToken);

    /// <summary>A seam for tests: sends <paramref name="requestType"/> instead of "parse" (worker test commands).</summary>
    internal ParsedSource Parse(SourceDocument document, string requestType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        cancellationToken.ThrowIfCancellationRequested();
        if (document.Bytes.Length == 0 && requestType == ParseRequest)
            return PythonModelBuilder.Empty(document.Text);

        // Tokens first: when tree-sitter cannot supply them, the one request to the worker asks for CPython's.
        var tokens = tokenizer.Tokenize(document.Text, pool.Timeout, cancellationToken);
        var exchange = pool.Request(requestType, document.Path, document.Bytes, tokens: tokens is null, cancellationToken);
        return exchange.Reply is { } reply
            ? PythonModelBuilder.Build(reply, document.Text, tokens)
            : ParsedSource.FailedWith(document.Text, new ParseIssue(1, 1, exchange.Failure ?? "python worker gave no reply"));
    }

    /// <summary>
    /// Starts a worker in the background (see <see cref="PythonWorkerPool.Prestart"/>), so the first Python file does
    /// not wait for the interpreter to start. Cheap to call and safe to call more than once.
    /// </summary>
    public void Prestart() => pool.Prestart();

    public void Dispose()
    {
        tokenizer.Dispose();
        if (ownsPool)
            pool.Dispose();
    }

    private static PythonWorkerPool PoolFor(FrontendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PythonWorkerPool(options.PythonExecutable, options.PythonWorkers, options.ParseTimeout);
    }
}
