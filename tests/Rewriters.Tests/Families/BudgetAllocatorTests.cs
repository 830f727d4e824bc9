using Consolidate.Rewriters.Families.ComposeResources;

namespace Consolidate.Rewriters.Tests.Families;

public sealed class BudgetAllocatorTests
{
    [Fact]
    public void Limits_that_fit_are_kept_and_services_without_one_share_the_rest()
    {
        var (planned, factor) = BudgetAllocator.Allocate([1024, 512, null], 8192);
        Assert.Equal([1024L, 512, 6656], planned);
        Assert.Equal(1, factor);
    }

    [Fact]
    public void Limits_above_an_equal_share_are_lowered_in_proportion_and_the_sum_fits()
    {
        var (planned, _) = BudgetAllocator.Allocate([2048, 1024, 3072, null, 23552, 512], 8192);
        Assert.True(planned.Sum() <= 8192);
        Assert.Equal(1024, planned[1]);
        Assert.Equal(512, planned[5]);
        Assert.True(planned[0] < planned[2] && planned[2] < planned[4], "order of the lowered limits is kept");
        Assert.True(planned[3] >= 8192 / 6, "a service without a limit gets at least an equal share");
    }

    [Fact]
    public void Fits_needs_every_limit_and_a_sum_within_budget()
    {
        Assert.True(BudgetAllocator.Fits([1024, 2048], 4096));
        Assert.False(BudgetAllocator.Fits([1024, null], 4096));
        Assert.False(BudgetAllocator.Fits([3000, 2000], 4096));
    }
}
