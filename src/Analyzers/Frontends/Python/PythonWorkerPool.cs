using System.Collections.Concurrent;

#pragma warning disable RS0030 // the Python worker pool owns the CPython processes and the worker script's copy (BannedSymbols.IO.txt)

namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// Long-lived <c>python3</c> worker processes running the embedded <c>worker.py</c>, started on first use and reused.
/// Thread-safe: each request takes a free worker (waiting for one, cancellably) and gives it back. A worker that times
/// out, dies or breaks the protocol is killed and replaced on the next request; only its file fails. When no worker
/// can be started at all (no interpreter, a wrong protocol, Python older than 3.8) the reason is remembered and every
/// later request fails with it at once instead of spawning again.
/// <para>
/// The first worker's hello names the interpreter's real executable (<c>sys.executable</c>); later workers start it
/// directly. A version manager's shim (pyenv's <c>python3</c> is a bash script running <c>pyenv exec</c>) then costs
/// once per run instead of once per worker. Workers run in a fixed folder with the same environment, so the shim would
/// pick the same interpreter again; if the executable ever fails to start, the configured name is used instead.
/// With an <see cref="IInterpreterMemo"/> (a scan with its cache), a pyenv shim's choice is remembered across runs
/// under a key of the inputs of pyenv's choice (<see cref="LauncherInputs"/>), and the first worker of a run with the
/// same key starts the remembered executable directly (only one inside pyenv's versions folder: the memo is a file in
/// the scanned repository), so the shim costs nothing at all until one of its inputs changes.
/// </para>
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
    private volatile string? resolvedExecutable;
    private volatile PythonHello? firstHello;
    private volatile IInterpreterMemo? memo;
    private readonly ManualResetEventSlim firstStartDone = new(false);
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

    /// <summary>The interpreter new workers start: the first worker's real executable once known, else <see cref="Interpreter"/>.</summary>
    internal string WorkerExecutable => resolvedExecutable ?? Interpreter;

    /// <summary>How many worker starts were attempted so far (replacements included).</summary>
    internal int WorkersStarted => Volatile.Read(ref started);

    private TimeSpan HandshakeTimeout => Timeout == System.Threading.Timeout.InfiniteTimeSpan || Timeout > MinimumHandshakeTimeout ? Timeout : MinimumHandshakeTimeout;

    /// <summary>Sends one request to a free worker: a reply, or the reason this file failed.</summary>
    /// <param name="tokens">Whether the reply should carry CPython's tokens (false when the caller has its own).</param>
    internal PythonExchange Request(string type, string path, byte[] source, bool tokens, CancellationToken cancellationToken)
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

            var exchange = worker.Exchange(type, path, source, tokens, Timeout, cancellationToken);
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

    /// <summary>
    /// Starts one worker on a background thread and returns at once, so the interpreter's start-up (a version manager's
    /// shim can take a good part of a second) overlaps what the caller does before its first request (the walk).
    /// Does nothing once a worker was started, after a start failed for good, or when every slot is busy. A failure is
    /// remembered as a start in <see cref="Request"/> would remember it, and reported by the first request.
    /// </summary>
    internal void Prestart(IInterpreterMemo? interpreterMemo = null)
    {
        if (interpreterMemo is not null)
            memo = interpreterMemo;
        if (disposed || unavailable is not null || Volatile.Read(ref started) > 0 || !slots.Wait(0))
            return;

        // Holding a slot keeps the pool at Size workers: a request meanwhile starts its own or waits for this one.
        var thread = new Thread(() =>
        {
            try
            {
                if (Volatile.Read(ref started) == 0 && Rent(out _) is { } worker)
                {
                    if (disposed)
                        Retire(worker);
                    else
                        idle.Push(worker);
                }
            }
            catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
            {
                // Disposed while the worker started (Rent retired it), or a broken build (no embedded worker.py): the
                // first request meets the same failure and reports it, which a background thread cannot.
            }
            finally
            {
                slots.Release();
            }
        })
        {
            IsBackground = true,
            Name = "python worker prestart",
        };
        thread.Start();
    }

    /// <summary>
    /// What the parse results depend on besides the file: the configured interpreter, the executable it runs and
    /// its version, from the first worker's handshake (waiting for one to start if none has yet); null when no worker
    /// can be started. The cache keys Python entries on it, so another Python never reuses this one's verdicts.
    /// </summary>
    internal string? Identity(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (firstHello is null && unavailable is null)
        {
            if (Volatile.Read(ref started) == 0)
                Prestart();
            if (Volatile.Read(ref started) == 0 && unavailable is null)
            {
                // Every slot was busy (no prestart): start one here.
                slots.Wait(cancellationToken);
                try
                {
                    if (firstHello is null && Rent(out _) is { } worker)
                        idle.Push(worker);
                }
                finally
                {
                    slots.Release();
                }
            }

            while (firstHello is null && unavailable is null && !firstStartDone.Wait(100, cancellationToken))
            {
                // The first start is on its way (the prestart thread or a request).
            }
        }

        return firstHello is { } hello ? $"{Interpreter}|{hello.Executable}|{hello.PythonVersion}|protocol {hello.Protocol}" : null;
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
        var executable = WorkerExecutable;
        PyenvLauncher? launcher = null;
        var remembering = memo;
        if (resolvedExecutable is null && remembering is not null && Volatile.Read(ref handshakes) == 0)
        {
            // Workers run in the script's fresh private folder, which holds no .python-version: pyenv's search for one
            // starts, in effect, at the folder above it (the temp folder), which is the same on every run.
            launcher = LauncherInputs.Of(Interpreter, Path.GetDirectoryName(Path.GetDirectoryName(script)!)!);
            if (launcher is not null && remembering.Recall(launcher.Key) is { } remembered && launcher.Accepts(remembered) && IsUsableExecutable(remembered))
                executable = remembered;
        }

        var start = PythonWorker.Start(executable, script, scriptArguments, HandshakeTimeout);
        if (start.Worker is null && executable != Interpreter)
        {
            resolvedExecutable = null;
            start = PythonWorker.Start(Interpreter, script, scriptArguments, HandshakeTimeout);
        }

        if (start.Worker is { } worker)
        {
            Interlocked.Increment(ref handshakes);
            if (resolvedExecutable is null && worker.Hello?.Executable is { } real && IsUsableExecutable(real))
            {
                resolvedExecutable = real;
                if (launcher is not null && real != executable && launcher.Accepts(real))
                    remembering?.Remember(launcher.Key, real);
            }

            firstHello ??= worker.Hello;
            firstStartDone.Set();
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
        firstStartDone.Set();
        failure = start.Failure;
        return null;
    }

    /// <summary>An absolute path to a file: <c>sys.executable</c> is empty or relative when Python cannot tell.</summary>
    private static bool IsUsableExecutable(string path) => Path.IsPathFullyQualified(path) && File.Exists(path);

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
