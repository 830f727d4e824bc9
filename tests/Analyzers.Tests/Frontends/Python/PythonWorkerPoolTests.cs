using Consolidate.Analyzers.Frontends.Python;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Python;

/// <summary>
/// Failure modes of the worker pool, provoked through worker.py's test commands (honoured only with
/// <c>--test-commands</c>, which only these tests pass). One worker, so every replacement is visible.
/// </summary>
public sealed class PythonWorkerPoolTests : IClassFixture<TestCommandWorkersFixture>
{
    private static readonly SourceDocument Ok = PythonSource.Document("import os\n");

    private readonly TestCommandWorkersFixture workers;

    public PythonWorkerPoolTests(TestCommandWorkersFixture workers) => this.workers = workers;

    [Fact]
    public void Worker_dying_mid_reply_fails_the_file_and_is_replaced()
    {
        var started = WarmWorker();

        var parsed = workers.Frontend.Parse(Ok, "crash", CancellationToken.None);

        AssertFailed(parsed, "python worker died in the middle of its reply while parsing this file (exit code 3)");
        AssertNextFileParses(started + 1);
    }

    [Fact]
    public void Worker_killed_mid_request_fails_the_file_and_is_replaced()
    {
        var started = WarmWorker();

        var parsed = workers.Frontend.Parse(Ok, "kill", CancellationToken.None);

        AssertFailed(parsed, "python worker died while parsing this file (exit code 137)");
        AssertNextFileParses(started + 1);
    }

    [Fact]
    public void Hung_worker_is_killed_at_the_timeout_and_the_next_file_parses()
    {
        var started = WarmWorker();

        var parsed = workers.Frontend.Parse(Ok, "hang", CancellationToken.None);

        Assert.True(parsed.Failed);
        Assert.Equal("python parse exceeded 2 s budget", Assert.Single(parsed.Issues).Message);
        AssertNextFileParses(started + 1);
    }

    [Fact]
    public void Garbage_line_replaces_the_worker()
    {
        var started = WarmWorker();

        var parsed = workers.Frontend.Parse(Ok, "garbage", CancellationToken.None);

        AssertFailed(parsed, "python worker broke the protocol and was replaced: not a JSON message");
        Assert.Contains("'Traceback? this is not a JSON line'", parsed.Issues[0].Message, StringComparison.Ordinal);
        AssertNextFileParses(started + 1);
    }

    [Fact]
    public void Reply_with_a_wrong_message_version_replaces_the_worker()
    {
        var started = WarmWorker();

        var parsed = workers.Frontend.Parse(Ok, "badversion", CancellationToken.None);

        AssertFailed(parsed, "python worker broke the protocol and was replaced: message version 2, expected 1");
        AssertNextFileParses(started + 1);
    }

    [Fact]
    public void Reply_with_a_wrong_id_replaces_the_worker()
    {
        var started = WarmWorker();

        var parsed = workers.Frontend.Parse(Ok, "wrongid", CancellationToken.None);

        AssertFailed(parsed, "python worker broke the protocol and was replaced: reply id");
        Assert.Contains("out of step", parsed.Issues[0].Message, StringComparison.Ordinal);
        AssertNextFileParses(started + 1);
    }

    [Fact]
    public void Cancelling_a_hung_request_throws_and_the_next_file_parses()
    {
        var started = WarmWorker();
        using var cancellation = new CancellationTokenSource();

        cancellation.CancelAfter(TimeSpan.FromMilliseconds(200));

        Assert.ThrowsAny<OperationCanceledException>(() => workers.Frontend.Parse(Ok, "hang", cancellation.Token));
        AssertNextFileParses(started + 1);
    }

    [Fact]
    public void Wrong_protocol_in_the_handshake_is_fatal_with_a_clear_error_and_not_retried()
    {
        using var pool = new PythonWorkerPool("python3", 1, TimeSpan.FromSeconds(10), ["--test-commands", "--test-hello-protocol=1"]);
        var frontend = new PythonFrontend(pool);

        var first = frontend.Parse(Ok, CancellationToken.None);
        var second = frontend.Parse(Ok, CancellationToken.None);

        AssertFailed(first, "python worker (python3, Python 3.");
        Assert.Contains("speaks protocol 1 but this consolidate-analyze needs protocol 2", first.Issues[0].Message, StringComparison.Ordinal);
        Assert.Equal(first.Issues.ToArray(), second.Issues.ToArray());
        Assert.Equal(1, pool.WorkersStarted);
    }

    [Fact]
    public void Missing_interpreter_path_fails_every_file_with_one_clear_message()
    {
        using var pool = new PythonWorkerPool("/nonexistent/python3", 2);
        var frontend = new PythonFrontend(pool);

        var results = Enumerable.Range(0, 3).Select(_ => frontend.Parse(Ok, CancellationToken.None)).ToList();

        Assert.All(results, r => AssertFailed(r, "/nonexistent/python3 not found (needed to parse Python with CPython's ast): install Python 3.8+ or pass --python"));
        Assert.Equal(1, pool.WorkersStarted);
    }

    [Fact]
    public void Interpreter_missing_from_path_says_so()
    {
        using var pool = new PythonWorkerPool("consolidate-no-such-python3", 1);

        var parsed = new PythonFrontend(pool).Parse(Ok, CancellationToken.None);

        AssertFailed(parsed, "consolidate-no-such-python3 not found on PATH (needed to parse Python with CPython's ast): install Python 3.8+ or pass --python");
    }

    [Fact]
    public void An_interpreter_that_is_not_python_fails_before_the_handshake()
    {
        using var pool = new PythonWorkerPool("/bin/sh", 1);
        var frontend = new PythonFrontend(pool);

        var first = frontend.Parse(Ok, CancellationToken.None);
        var second = frontend.Parse(Ok, CancellationToken.None);

        AssertFailed(first, "/bin/sh exited before the worker handshake (exit code ");
        Assert.Contains("parsing Python needs Python 3.8+", first.Issues[0].Message, StringComparison.Ordinal);
        Assert.Equal(first.Issues.ToArray(), second.Issues.ToArray());
        Assert.Equal(1, pool.WorkersStarted);
    }

    [Fact]
    public void A_prestarted_worker_serves_the_first_file()
    {
        // One slot, which the prestart holds until its worker is idle: the first file waits for it and gets it.
        using var pool = new PythonWorkerPool("python3", 1);
        var frontend = new PythonFrontend(pool);

        frontend.Prestart();
        frontend.Prestart();
        var parsed = frontend.Parse(Ok, CancellationToken.None);

        Assert.False(parsed.Failed, parsed.Issues.FirstOrDefault()?.Message);
        Assert.Equal(1, pool.WorkersStarted);
        Assert.True(Path.IsPathFullyQualified(pool.WorkerExecutable), pool.WorkerExecutable);
    }

    [Fact]
    public void A_prestart_without_an_interpreter_leaves_the_usual_message_for_every_file()
    {
        // One slot, which the prestart holds until it has failed: the first file waits for it, deterministically.
        using var pool = new PythonWorkerPool("/nonexistent/python3", 1);
        var frontend = new PythonFrontend(pool);

        frontend.Prestart();
        var results = Enumerable.Range(0, 2).Select(_ => frontend.Parse(Ok, CancellationToken.None)).ToList();

        Assert.All(results, r => AssertFailed(r, "/nonexistent/python3 not found (needed to parse Python with CPython's ast): install Python 3.8+ or pass --python"));
        Assert.Equal(1, pool.WorkersStarted);
    }

    [Fact]
    public void Parse_after_dispose_is_a_bug_and_throws()
    {
        var pool = new PythonWorkerPool("python3", 1);
        pool.Dispose();

        Assert.Throws<ObjectDisposedException>(() => new PythonFrontend(pool).Parse(Ok, CancellationToken.None));
    }

    [Fact]
    public void Workers_keep_freed_memory_instead_of_faulting_it_in_per_file()
    {
        // glibc's trim threshold (the user's own setting wins): without it the worker returns and re-faults its heap top for every file.
        var parsed = workers.Frontend.Parse(Ok, "malloc", CancellationToken.None);

        var expected = Environment.GetEnvironmentVariable(PythonWorker.MallocTrimVariable) ?? PythonWorker.MallocTrimThreshold;
        Assert.Contains($"MALLOC_TRIM_THRESHOLD_={expected}", Assert.Single(parsed.Issues).Message, StringComparison.Ordinal);
    }

    /// <summary>Makes sure a worker is running, so a failure's replacement is exactly one more start.</summary>
    private int WarmWorker()
    {
        AssertNextFileParses(null);
        return workers.Pool.WorkersStarted;
    }

    private void AssertNextFileParses(int? expectedWorkersStarted)
    {
        var parsed = workers.Frontend.Parse(Ok, CancellationToken.None);

        Assert.False(parsed.Failed, parsed.Issues.FirstOrDefault()?.Message);
        Assert.Equal("os", Assert.Single(Assert.IsType<PythonFacts>(parsed.Facts).Imports).Module);
        if (expectedWorkersStarted is { } expected)
            Assert.Equal(expected, workers.Pool.WorkersStarted);
    }

    private static void AssertFailed(ParsedSource parsed, string messageStart)
    {
        Assert.True(parsed.Failed);
        Assert.Empty(parsed.Tokens);
        var issue = Assert.Single(parsed.Issues);
        Assert.Equal((1, 1), (issue.Line, issue.Column));
        Assert.StartsWith(messageStart, issue.Message, StringComparison.Ordinal);
    }
}
