using System.Collections.Immutable;

namespace Consolidate.Rewriters.Validation;

/// <summary>The checks of one patch on the scratch copy; <see cref="Passed"/> when all passed (the patch then stays applied there).</summary>
public sealed record ValidationOutcome(ImmutableArray<Check> Checks)
{
    public bool Passed => Checks.All(c => c.Passed);
}
