using Consolidate.Analyzers.Frontends.Python;

namespace Consolidate.Analyzers.Tests.Frontends.Python;

/// <summary>The hand-off between a Python worker's pipe thread and its caller.</summary>
public sealed class WaitingQueueTests
{
    [Fact]
    public void Items_come_out_in_order_and_an_empty_queue_times_out()
    {
        var queue = new WaitingQueue<int>();
        queue.Add(1);
        queue.Add(2);

        Assert.True(queue.TryTake(out var first, 0, CancellationToken.None));
        Assert.True(queue.TryTake(out var second, 10, CancellationToken.None));
        Assert.False(queue.TryTake(out _, 20, CancellationToken.None));
        Assert.Equal((1, 2), (first, second));
    }

    [Fact]
    public void A_taker_waiting_without_a_limit_gets_an_item_added_later_from_another_thread()
    {
        var queue = new WaitingQueue<string>();
        var adder = new Thread(() =>
        {
            Thread.Sleep(50);
            queue.Add("reply");
        });
        adder.Start();

        Assert.True(queue.TryTake(out var item, Timeout.Infinite, CancellationToken.None));
        Assert.Equal("reply", item);
        adder.Join();
    }

    [Fact]
    public void A_completed_queue_gives_what_is_left_then_false_and_refuses_more()
    {
        var queue = new WaitingQueue<int>();
        queue.Add(7);
        queue.CompleteAdding();

        Assert.True(queue.TryTake(out var left, Timeout.Infinite, CancellationToken.None));
        Assert.Equal(7, left);
        Assert.False(queue.TryTake(out _, Timeout.Infinite, CancellationToken.None));
        Assert.Throws<InvalidOperationException>(() => queue.Add(8));
    }

    [Fact]
    public void Cancelling_a_wait_throws()
    {
        var queue = new WaitingQueue<int>();
        using var cancellation = new CancellationTokenSource(50);

        Assert.ThrowsAny<OperationCanceledException>(() => queue.TryTake(out _, Timeout.Infinite, cancellation.Token));
    }
}
