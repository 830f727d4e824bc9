using System.Collections.Concurrent;

namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// Long-lived <c>python3</c> worker processes running the embedded <c>worker.py</c>, started on first use and reused.
/// Thread-safe: each request takes a free worker (waiting for one, cancellably) and gives it back. A worker that times
/// out, dies or breaks the protocol is killed and replaced on the next request; only its file fails. When no worker
/// can be started at all (no interpreter, a wrong protocol, Python older than 3.8) the reason is remembered and every
/// later request fails with it at once instead of spawning again.
/// </summary>
public sealed class PythonWorkerPool : IDisposable
{
    /// <summary>The logical name under which the build embeds <c>Frontends/Python/worker.py</c>.</summary>
    public const string WorkerScriptResource = "Consolidate.Analyzers.Frontends.Python.worker.py";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Starting an interpreter can be slow on a loaded machine; the handshake never gets less than this.</summary>
    private static readonly TimeSpan MinimumHandshakeTimeout = TimeSpan.FromSeconds(30);

    private readonly IReadOnlyList<string> scriptArguments;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentStack<PythonWorker> idle = new();
    private readonly ConcurrentDictionary<PythonWorker, byte> live = new();
    private readonly Lock scriptGate = new();
    private DirectoryInfo? scriptDirectory;
    private string? scriptPath;
    private volatile string? unavailable;
    private volatile bool disposed;
    private int handshakes;
    private int started;

    /// <param name="interpreter">The Python 3.8+ interpreter: a name looked up on PATH or a path.</param>
    /// <param name="size">How many workers may run at once; 0 means <see cref="Environment.ProcessorCount"/>.</param>
    /// <param name="timeout">How long one file may take; null means <see cref="DefaultTimeout"/>.</param>
    public PythonWorkerPool(string interpreter = "python3", int size = 0, TimeSpan? timeout = null)
        : this(interpreter, size, timeout, [])
    {
    }

    /// <summary>A seam for tests: <paramref name="scriptArguments"/> go to worker.py (e.g. <c>--test-commands</c>).</summary>
    internal PythonWorkerPool(string interpreter, int size, TimeSpan? timeout, IReadOnlyList<string> scriptArguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(interpreter);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var budget = timeout ?? DefaultTimeout;
        if (budget <= TimeSpan.Zero && budget != System.Threading.Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(timeout), budget, "the parse timeout must be positive");

        Interpreter = interpreter;
        Size = size == 0 ? Environment.ProcessorCount : size;
        Timeout = budget;
        this.scriptArguments = scriptArguments;
        slots = new SemaphoreSlim(Size, Size);
    }

    public string Interpreter { get; }

    public int Size { get; }

    public TimeSpan Timeout { get; }

    /// <summary>How many worker starts were attempted so far (replacements included).</summary>
    internal int WorkersStarted => Volatile.Read(ref started);

    private TimeSpan HandshakeTimeout => Timeout == System.Threading.Timeout.InfiniteTimeSpan || Timeout > MinimumHandshakeTimeout ? Timeout : MinimumHandshakeTimeout;

    /// <summary>Sends one request to a free worker: a reply, or the reason this file failed.</summary>
    internal PythonExchange Request(string type, string path, byte[] source, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (unavailable is { } reason)
            return PythonExchange.Broken(reason);

        slots.Wait(cancellationToken);
        PythonWorker? worker = null;
        try
        {
            worker = Rent(out var failure);
            if (worker is null)
                return PythonExchange.Broken(failure!);

            var exchange = worker.Exchange(type, path, source, Timeout, cancellationToken);
            if (exchange.WorkerUsable && worker.IsUsable && !disposed)
            {
                idle.Push(worker);
                worker = null;
            }

            return exchange;
        }
        finally
        {
            if (worker is not null)
                Retire(worker);
            slots.Release();
        }
    }

    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        foreach (var worker in live.Keys)
            Retire(worker);
        idle.Clear();
        lock (scriptGate)
        {
            try
            {
                scriptDirectory?.Delete(recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private PythonWorker? Rent(out string? failure)
    {
        while (idle.TryPop(out var idleWorker))
        {
            if (idleWorker.IsUsable)
            {
                failure = null;
                return idleWorker;
            }

            Retire(idleWorker);
        }

        if (unavailable is { } reason)
        {
            failure = reason;
            return null;
        }

        string script;
        try
        {
            script = ScriptPath();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            failure = unavailable = $"cannot write the python worker script under {Path.GetTempPath()}: {ex.Message}";
            return null;
        }

        Interlocked.Increment(ref started);
        var start = PythonWorker.Start(Interpreter, script, scriptArguments, HandshakeTimeout);
        if (start.Worker is { } worker)
        {
            Interlocked.Increment(ref handshakes);
            live[worker] = 0;
            if (disposed)
            {
                Retire(worker);
                throw new ObjectDisposedException(nameof(PythonWorkerPool));
            }

            failure = null;
            return worker;
        }

        // Before any worker ever said hello, a failure is about the interpreter, not a file: do not retry per file.
        if (start.Sticky || Volatile.Read(ref handshakes) == 0)
            unavailable = start.Failure;
        failure = start.Failure;
        return null;
    }

    private void Retire(PythonWorker worker)
    {
        live.TryRemove(worker, out _);
        worker.Dispose();
    }

    private string ScriptPath()
    {
        lock (scriptGate)
        {
            if (scriptPath is not null)
                return scriptPath;

            // A private (0700) folder per pool: a predictable path in a shared /tmp could be planted by another user.
            var directory = Directory.CreateTempSubdirectory("consolidate-python-");
            var path = Path.Combine(directory.FullName, "worker.py");
            using (var resource = typeof(PythonWorkerPool).Assembly.GetManifestResourceStream(WorkerScriptResource)
                ?? throw new InvalidOperationException($"embedded resource {WorkerScriptResource} is missing: the build must embed Frontends/Python/worker.py under that logical name"))
            using (var file = File.Create(path))
            {
                resource.CopyTo(file);
            }

            scriptDirectory = directory;
            scriptPath = path;
            return path;
        }
    }
}
