using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// The Python frontend. Structure, symbols, facts and the verdict come from CPython's own <c>ast</c>, run by a
/// <see cref="PythonWorkerPool"/> on the file's bytes, so coding cookies, a BOM and every grammar rule behave exactly as
/// in CPython. Tokens (clone fingerprints, suppression comments, the rules that read strings and comments) need no tree,
/// so they come from <see cref="PythonLexer"/> in .NET on the calling thread: one pass over the text, about ten times
/// cheaper than the tree-sitter-python parse that made them before (<see cref="PythonTreeSitterTokenizer"/>, still the
/// analyzer package's source), with the same tokens on every file tree-sitter parses without error. Like tree-sitter, the
/// lexer reads files CPython rejects (a typo, Python 2), so their comments and clones are still seen. When the lexer runs
/// out of the parse budget, the worker's <c>tokenize</c> supplies the tokens, classed the same way. A syntax error is an issue on a still tokenized file (the scan reports it
/// recovered, without facts); a timeout, a dead worker or a missing interpreter fails the file with the reason.
/// Thread-safe.
/// </summary>
public sealed class PythonFrontend : IFrontend, IFrontendIdentity, IDisposable
{
    internal const string ParseRequest = "parse";

    private readonly PythonWorkerPool pool;
    private readonly bool ownsPool;
    private readonly Func<SourceText, TimeSpan, CancellationToken, ImmutableArray<Token>?> tokenize;

    /// <summary>
    /// A frontend with its own pool, configured by the run's options; disposing it stops the workers. No worker starts
    /// until one is needed or <see cref="Prestart"/> is called: a scan calls it once its walk has found Python files,
    /// so the interpreter starts while the other files are parsed, and a repository without Python never pays for an
    /// interpreter (behind a version manager's shim, about 0.4 s of CPU).
    /// </summary>
    public PythonFrontend(FrontendOptions options)
        : this(PoolFor(options), ownsPool: true, PythonLexer.Tokenize)
    {
    }

    /// <summary>A frontend on a pool the caller owns (and disposes).</summary>
    public PythonFrontend(PythonWorkerPool pool)
        : this(pool, ownsPool: false, PythonLexer.Tokenize)
    {
    }

    /// <summary>
    /// A seam for tests: a frontend on a pool the caller owns, its tokens from <paramref name="tokenize"/> (text, budget,
    /// cancellation); where that gives null, CPython's tokenize is asked.
    /// </summary>
    internal PythonFrontend(PythonWorkerPool pool, Func<SourceText, TimeSpan, CancellationToken, ImmutableArray<Token>?> tokenize)
        : this(pool, ownsPool: false, tokenize)
    {
    }

    private PythonFrontend(PythonWorkerPool pool, bool ownsPool, Func<SourceText, TimeSpan, CancellationToken, ImmutableArray<Token>?> tokenize)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(tokenize);
        this.pool = pool;
        this.ownsPool = ownsPool;
        this.tokenize = tokenize;
    }

    public Language Language => Language.Python;

    /// <summary>
    /// The interpreter the verdicts come from (see <see cref="PythonWorkerPool.Identity"/>). The lexer is part of the
    /// tool, so the cache's tool identity (the engine's build) already covers the tokens.
    /// </summary>
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

        // Tokens first: when the lexer runs out of budget, the one request to the worker asks for CPython's.
        var tokens = tokenize(document.Text, pool.Timeout, cancellationToken);
        var exchange = pool.Request(requestType, document.Path, document.Bytes, tokens: tokens is null, cancellationToken);
        return exchange.Reply is { } reply
            ? PythonModelBuilder.Build(reply, document.Text, tokens)
            : ParsedSource.FailedWith(document.Text, new ParseIssue(1, 1, exchange.Failure ?? "python worker gave no reply"));
    }

    /// <summary>
    /// Starts a worker in the background (see <see cref="PythonWorkerPool.Prestart"/>), so the first Python file does
    /// not wait for the interpreter to start. Cheap to call and safe to call more than once. With
    /// <paramref name="interpreterMemo"/> a version manager's choice of interpreter is remembered across runs.
    /// </summary>
    public void Prestart(IInterpreterMemo? interpreterMemo = null) => pool.Prestart(interpreterMemo);

    /// <summary>How many workers this frontend's pool has started so far (for tests).</summary>
    internal int WorkersStarted => pool.WorkersStarted;

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
