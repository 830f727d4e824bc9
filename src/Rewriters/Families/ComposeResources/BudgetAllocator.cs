namespace Consolidate.Rewriters.Families.ComposeResources;

/// <summary>
/// Shares a budget among services: limits at or below an equal share (budget / services) are kept; when the limits do
/// not leave every service without one at least an equal share, the limits above the equal share are lowered in
/// proportion; services without a limit split what is left equally. Whole units, rounded down, so the sum never exceeds
/// the budget.
/// </summary>
public static class BudgetAllocator
{
    /// <summary>The planned values (same order as <paramref name="current"/>) and the factor applied to the lowered limits (1 when none was).</summary>
    public static (long[] Planned, double Factor) Allocate(IReadOnlyList<long?> current, long budget)
    {
        var count = current.Count;
        var planned = new long[count];
        if (count == 0)
            return (planned, 1);

        var share = (double)budget / count;
        var without = current.Count(c => c is null);
        var forLimited = budget - without * share;
        var limited = current.Select(c => c is null ? 0 : Math.Min(c.Value, budget)).ToArray();
        var sumLimited = limited.Sum();
        var factor = 1.0;
        if (sumLimited > forLimited + 1e-9)
        {
            var kept = Enumerable.Range(0, count).Where(i => current[i] is not null && limited[i] <= share).Sum(i => limited[i]);
            var large = Enumerable.Range(0, count).Where(i => current[i] is not null && limited[i] > share).Sum(i => limited[i]);
            factor = large == 0 ? 1 : Math.Max(0, forLimited - kept) / large;
            for (var i = 0; i < count; i++)
            {
                if (current[i] is not null && limited[i] > share)
                    limited[i] = Math.Max(1, (long)Math.Floor(limited[i] * factor));
            }
        }

        var used = 0L;
        for (var i = 0; i < count; i++)
        {
            if (current[i] is not null)
            {
                planned[i] = limited[i];
                used += limited[i];
            }
        }

        if (without > 0)
        {
            var each = Math.Max(1, (budget - used) / without);
            for (var i = 0; i < count; i++)
            {
                if (current[i] is null)
                    planned[i] = each;
            }
        }

        return (planned, factor);
    }

    /// <summary>Whether the current values already fit: every service has one, none is above the budget, and the sum fits.</summary>
    public static bool Fits(IReadOnlyList<long?> current, long budget) =>
        current.All(c => c is not null && c.Value <= budget) && current.Sum(c => c!.Value) <= budget;
}
