using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Consolidate.Analyzers.Engine;

#pragma warning disable RS0030 // the Python worker pool owns the CPython processes (BannedSymbols.IO.txt)

namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// One <c>python3 -I -S -u worker.py</c> process. Its pipes are served by two dedicated threads (requests and replies
/// on one, stderr drained on the other), so the calling thread only waits, with a timeout, on a queue: a hung worker
/// is detected without relying on the thread pool, then killed. One caller at a time (the pool guarantees it).
/// </summary>
internal sealed class PythonWorker : IDisposable
{
    private const int StderrLinesKept = 20;

    /// <summary>glibc's setting for how much free memory at the top of the heap it keeps instead of returning it.</summary>
    internal const string MallocTrimVariable = "MALLOC_TRIM_THRESHOLD_";

    /// <summary>64 MB, unless the user's environment sets the variable itself.</summary>
    internal const string MallocTrimThreshold = "67108864";

    private readonly Process process;
    private readonly string interpreter;
    private readonly Stream input;
    private readonly WaitingQueue<byte[]> requests = new();
    private readonly WaitingQueue<WorkerLine> lines = new();
    private readonly Queue<string> stderrTail = new();
    private readonly Thread pump;
    private readonly Thread stderrDrain;
    private long nextId = 1;
    private int killed;
    private int disposed;

    private PythonWorker(Process process, string interpreter)
    {
        this.process = process;
        this.interpreter = interpreter;
        input = process.StandardInput.BaseStream;
        var output = process.StandardOutput.BaseStream;
        pump = new Thread(() => Pump(output)) { IsBackground = true, Name = "python worker pipe" };
        stderrDrain = new Thread(DrainStderr) { IsBackground = true, Name = "python worker stderr" };
        pump.Start();
        stderrDrain.Start();
    }

    /// <summary>The worker's handshake (set once <see cref="Start"/> succeeded).</summary>
    public PythonHello? Hello { get; private set; }

    /// <summary>Not killed and still running: safe to hand the next request.</summary>
    public bool IsUsable => Volatile.Read(ref killed) == 0 && !HasExited();

    public static PythonWorkerStart Start(string interpreter, string scriptPath, IReadOnlyList<string> scriptArguments, TimeSpan handshakeTimeout)
    {
        // Never Process.Start's own search, which looks in the current folder before PATH (ExecutableSearch).
        if (ExecutableSearch.Resolve(interpreter) is not { } executable)
            return PythonWorkerStart.Failed(NotFound(interpreter), sticky: true);
        var info = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            // Never the scanned repository: with -I it is not on sys.path anyway, but nothing there should matter.
            WorkingDirectory = Path.GetDirectoryName(scriptPath) ?? Path.GetTempPath(),
        };
        // glibc gives the top of its heap back to the kernel whenever 128 KB are free there, and an ast of a few hundred
        // KB is built and freed per file: the worker then faults the same pages in again for every file (a tenth to a
        // fifth of its CPU in a virtual machine, benchmarks/python-worker.py). Keeping up to 64 MB removes that; other C
        // libraries ignore the variable.
        if (!info.Environment.ContainsKey(MallocTrimVariable))
            info.Environment[MallocTrimVariable] = MallocTrimThreshold;
        // -I: isolated (no PYTHON* variables, no user site, no script directory on sys.path); -S: no site module;
        // -u: unbuffered stdout, so a reply is on the pipe as soon as it is written.
        foreach (var argument in new[] { "-I", "-S", "-u", scriptPath }.Concat(scriptArguments))
            info.ArgumentList.Add(argument);

        Process? process;
        try
        {
            process = Process.Start(info);
        }
        catch (Win32Exception ex)
        {
            return PythonWorkerStart.Failed(CannotStart(interpreter, ex), sticky: true);
        }

        if (process is null)
            return PythonWorkerStart.Failed($"cannot start {interpreter} (needed to parse Python with CPython's ast): no process was created", sticky: true);

        var worker = new PythonWorker(process, interpreter);
        var failure = worker.Handshake(handshakeTimeout, out var sticky);
        if (failure is null)
            return PythonWorkerStart.Started(worker);
        worker.Dispose();
        return PythonWorkerStart.Failed(failure, sticky);
    }

    /// <summary>Sends one request and waits for its reply; kills the worker on timeout, death, garbage or cancellation.</summary>
    public PythonExchange Exchange(string type, string path, byte[] source, bool tokens, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = nextId++;
        try
        {
            requests.Add(PythonWireProtocol.Request(id, type, path, source, tokens));
        }
        catch (InvalidOperationException)
        {
            return PythonExchange.Broken("python worker was shut down");
        }

        WorkerLine line;
        try
        {
            if (!lines.TryTake(out line, Milliseconds(timeout), cancellationToken))
            {
                Kill();
                return PythonExchange.Broken($"python parse exceeded {Seconds(timeout)} s budget");
            }
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw;
        }

        if (line.End == WorkerLineEnd.TooLong)
        {
            Kill();
            return PythonExchange.Broken($"python worker sent a reply over {MessageLineReader.MaxLineBytes >> 20} MiB; it was replaced");
        }

        if (line.End == WorkerLineEnd.EndOfStream)
        {
            var exit = ExitDescription();
            Kill();
            var cut = line.Bytes is null ? "" : " in the middle of its reply";
            return PythonExchange.Broken($"python worker died{cut} while parsing this file ({exit}){StderrSummary()}; it was replaced");
        }

        try
        {
            var reply = PythonWireProtocol.ReadReply(line.Bytes!, id, tokens);
            return reply.Result is { } result
                ? PythonExchange.Parsed(result)
                : PythonExchange.Rejected($"python worker could not parse this file: {reply.Error}");
        }
        catch (PythonProtocolException ex)
        {
            Kill();
            return PythonExchange.Broken($"python worker broke the protocol and was replaced: {ex.Message}");
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
            return;
        requests.CompleteAdding();
        Kill();
        pump.Join(TimeSpan.FromSeconds(2));
        stderrDrain.Join(TimeSpan.FromSeconds(2));
        process.Dispose();
    }

    private string? Handshake(TimeSpan timeout, out bool sticky)
    {
        sticky = false;
        if (!lines.TryTake(out var line, Milliseconds(timeout), CancellationToken.None))
            return $"{interpreter} did not answer the worker handshake within {Seconds(timeout)} s";
        if (line.End != WorkerLineEnd.Newline)
        {
            var exit = ExitDescription();
            Kill();
            return $"{interpreter} exited before the worker handshake ({exit}){StderrSummary()}: parsing Python needs Python 3.8+; install it or pass --python";
        }

        PythonHello hello;
        try
        {
            hello = PythonWireProtocol.ReadHello(line.Bytes!);
        }
        catch (PythonProtocolException ex)
        {
            return $"{interpreter} did not start the python worker: {ex.Message}";
        }

        sticky = true;
        if (hello.Protocol != PythonWireProtocol.Protocol)
        {
            return $"python worker ({interpreter}, Python {hello.PythonVersion}) speaks protocol {hello.Protocol} "
                + $"but this consolidate-analyze needs protocol {PythonWireProtocol.Protocol}: the worker script and the tool are out of step";
        }

        if (!IsSupported(hello.PythonVersion))
            return $"{interpreter} is Python {hello.PythonVersion}; parsing Python needs 3.8 or newer: install it or pass --python";

        sticky = false;
        Hello = hello;
        return null;
    }

    private static bool IsSupported(string version)
    {
        var parts = version.Split('.');
        return parts.Length >= 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            && (major > 3 || (major == 3 && minor >= 8));
    }

    private const string Why = "(needed to parse Python with CPython's ast): install Python 3.8+ or pass --python";

    private static string CannotStart(string interpreter, Win32Exception ex)
    {
        const int NoSuchFile = 2;
        return ex.NativeErrorCode == NoSuchFile ? NotFound(interpreter) : $"cannot start {interpreter}: {ex.Message} {Why}";
    }

    private static string NotFound(string interpreter) =>
        interpreter.IndexOfAny(['/', '\\']) < 0 ? $"{interpreter} not found on PATH {Why}" : $"{interpreter} not found {Why}";

    private void Pump(Stream output)
    {
        var reader = new MessageLineReader(output);
        try
        {
            lines.Add(reader.Read());
            while (requests.TryTake(out var request, Timeout.Infinite, CancellationToken.None))
            {
                try
                {
                    input.Write(request);
                    input.Flush();
                }
                catch (IOException)
                {
                    // The worker is gone; reading below reports the end of its output.
                }

                lines.Add(reader.Read());
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            lines.Add(new WorkerLine(null, WorkerLineEnd.EndOfStream));
        }
    }

    private void DrainStderr()
    {
        try
        {
            while (process.StandardError.ReadLine() is { } line)
            {
                lock (stderrTail)
                {
                    stderrTail.Enqueue(line.Length > 500 ? line[..500] + "…" : line);
                    if (stderrTail.Count > StderrLinesKept)
                        stderrTail.Dequeue();
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The process is gone; what was read is kept.
        }
    }

    private string ExitDescription()
    {
        try
        {
            if (process.WaitForExit(TimeSpan.FromSeconds(2)))
            {
                stderrDrain.Join(TimeSpan.FromSeconds(1));
                return $"exit code {process.ExitCode}";
            }
        }
        catch (InvalidOperationException)
        {
            // Disposed meanwhile (the pool is shutting down): nothing more to learn.
        }

        return "still running";
    }

    private string StderrSummary()
    {
        lock (stderrTail)
        {
            var last = stderrTail.LastOrDefault(l => !string.IsNullOrWhiteSpace(l));
            return last is null ? "" : $": {last.Trim()}";
        }
    }

    private bool HasExited()
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private void Kill()
    {
        Interlocked.Exchange(ref killed, 1);
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    private static int Milliseconds(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? Timeout.Infinite : (int)Math.Clamp(timeout.TotalMilliseconds, 1, int.MaxValue);

    internal static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>A started worker, or why none could be started and whether trying again is pointless.</summary>
internal sealed record PythonWorkerStart(PythonWorker? Worker, string? Failure, bool Sticky)
{
    public static PythonWorkerStart Started(PythonWorker worker) => new(worker, null, false);

    public static PythonWorkerStart Failed(string failure, bool sticky) => new(null, failure, sticky);
}
