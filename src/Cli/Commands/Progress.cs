using System.Diagnostics;
using Spectre.Console;

namespace Consolidate.Cli.Commands;

/// <summary>
/// A status line on stderr while a long step runs, only when stderr is a terminal (nothing in pipes and CI);
/// Spectre.Console honours NO_COLOR. With <c>CONSOLIDATE_TIMINGS=1</c> each step is instead written to stderr as a
/// line with the time it took and the process's peak memory so far (docs/cache.md, "Where the time goes");
/// <c>CONSOLIDATE_TIMINGS=heap</c> also collects garbage after each step and writes what the managed heap still holds,
/// how much the process has allocated so far and how many collections of each generation ran (the collection costs
/// time, so the step times are then less exact).
/// </summary>
public static class Progress
{
    public static T Run<T>(TextWriter stderr, Func<IProgress<string>?, T> work)
    {
        var mode = Environment.GetEnvironmentVariable("CONSOLIDATE_TIMINGS");
        if (mode is "1" or "heap")
        {
            var timings = new TimingProgress(stderr, mode == "heap");
            var result = work(timings);
            timings.Report("done");
            return result;
        }

        if (Console.IsErrorRedirected || !ReferenceEquals(stderr, Console.Error))
            return work(null);

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Status().Start("scanning", context => work(new Progress<string>(message => context.Status(message))));
    }

    /// <summary>Synchronous (the steps report from the scanning thread), so a line is written when its step ends.</summary>
    private sealed class TimingProgress(TextWriter stderr, bool heap) : IProgress<string>
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private readonly Lock gate = new();
        private string? step;
        private TimeSpan started;

        public void Report(string value)
        {
            lock (gate)
            {
                var now = clock.Elapsed;
                if (step is not null)
                {
                    using var process = Process.GetCurrentProcess();
                    var live = heap
                        ? $"  heap {GC.GetGCMemoryInfo().TotalCommittedBytes / (1024 * 1024),5} MB committed, {GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024),5} MB live, {GC.GetTotalAllocatedBytes() / (1024 * 1024),6} MB allocated so far, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"
                        : "";
                    stderr.WriteLine($"timing: {(now - started).TotalMilliseconds,8:F0} ms  peak {process.PeakWorkingSet64 / (1024 * 1024),5} MB{live}  {step}");
                }

                step = value;
                started = now;
            }
        }
    }
}
