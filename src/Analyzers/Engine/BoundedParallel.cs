namespace Consolidate.Analyzers.Engine;

/// <summary>
/// A loop over 0..count-1 on at most <c>parallelism</c> threads; with 1 (the analyzer package: the compiler runs
/// analyzers in parallel itself) it runs in order on the calling thread.
/// </summary>
internal static class BoundedParallel
{
    public static void For(int count, int parallelism, CancellationToken cancellationToken, Action<int> body)
    {
        if (parallelism <= 1)
        {
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(i);
            }

            return;
        }

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, body);
    }
}
