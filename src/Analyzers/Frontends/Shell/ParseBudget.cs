using System.Diagnostics;

namespace Consolidate.Analyzers.Frontends.Shell;

/// <summary>
/// The time one parse may take (native parse, tree copy and model building together) and the caller's cancellation.
/// <see cref="Tick"/> is cheap enough for inner loops: it reads the clock once every 4096 calls.
/// </summary>
internal sealed class ParseBudget
{
    private const int TicksPerCheck = 4096;

    private readonly long deadline;
    private int countdown = TicksPerCheck;

    public ParseBudget(TimeSpan limit, CancellationToken cancellationToken)
    {
        Limit = limit;
        CancellationToken = cancellationToken;
        var now = Stopwatch.GetTimestamp();
        var seconds = Math.Max(0, limit.TotalSeconds);
        var ticks = seconds * Stopwatch.Frequency;
        deadline = ticks >= long.MaxValue - now ? long.MaxValue : now + (long)ticks;
    }

    public TimeSpan Limit { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>True once the deadline has passed or cancellation was requested; never throws (native callbacks use it).</summary>
    public bool ShouldStop => CancellationToken.IsCancellationRequested || Stopwatch.GetTimestamp() >= deadline;

    /// <summary>Counts one unit of work; true when the budget is spent. Throws when cancellation was requested.</summary>
    public bool Tick()
    {
        if (--countdown > 0)
            return false;
        countdown = TicksPerCheck;
        return IsSpent();
    }

    /// <summary>Reads the clock now; true when the budget is spent. Throws when cancellation was requested.</summary>
    public bool IsSpent()
    {
        CancellationToken.ThrowIfCancellationRequested();
        return Stopwatch.GetTimestamp() >= deadline;
    }

    public string ExceededMessage => $"shell parse exceeded {Limit.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s budget";
}
