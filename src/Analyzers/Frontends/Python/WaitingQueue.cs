#pragma warning disable RS0030 // used by the Python worker's pipe threads only (BannedSymbols.IO.txt)

namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// A queue between a worker's pipe thread and its caller whose taker blocks at once instead of spinning first, as
/// <c>BlockingCollection</c> (a spinning semaphore) does: every Python file is one hand-off each way, and on a
/// two-core machine the spinning took CPU from the Python workers it was waiting for. One taker at a time.
/// </summary>
internal sealed class WaitingQueue<T>
{
    private readonly Queue<T> items = new();
    private readonly Lock gate = new();
    private readonly ManualResetEventSlim available = new(false, spinCount: 0);
    private bool completed;

    /// <summary>Adds an item; after <see cref="CompleteAdding"/> throws <see cref="InvalidOperationException"/>.</summary>
    public void Add(T item)
    {
        lock (gate)
        {
            if (completed)
                throw new InvalidOperationException("the queue was completed");
            items.Enqueue(item);
            available.Set();
        }
    }

    /// <summary>No more items: takers get what is left, then false at once.</summary>
    public void CompleteAdding()
    {
        lock (gate)
        {
            completed = true;
            available.Set();
        }
    }

    /// <summary>
    /// The next item, waiting up to <paramref name="milliseconds"/> (<see cref="Timeout.Infinite"/>: no limit); false on
    /// timeout or when the queue is completed and empty. Cancellation throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public bool TryTake(out T item, int milliseconds, CancellationToken cancellationToken)
    {
        var started = Environment.TickCount64;
        while (true)
        {
            lock (gate)
            {
                if (items.TryDequeue(out item!))
                {
                    if (items.Count == 0 && !completed)
                        available.Reset();
                    return true;
                }

                if (completed)
                    return false;
            }

            var remaining = milliseconds == Timeout.Infinite ? Timeout.Infinite : (int)Math.Max(0, milliseconds - (Environment.TickCount64 - started));
            if (remaining == 0 || !available.Wait(remaining, cancellationToken))
            {
                item = default!;
                return false;
            }
        }
    }
}
