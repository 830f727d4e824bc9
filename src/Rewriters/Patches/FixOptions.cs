using System.Collections.Immutable;

namespace Consolidate.Rewriters.Patches;

/// <summary>
/// What to fix: <see cref="Only"/> families (empty = all), whether Unsafe changes are included, and how the repository
/// is named in the manifest (as the user wrote it, so the manifest does not depend on the machine).
/// </summary>
public sealed record FixOptions(ImmutableArray<string> Only, bool IncludeUnsafe, string RepoDisplay)
{
    public FixSafety Minimum => IncludeUnsafe ? FixSafety.Unsafe : FixSafety.Safe;
}
