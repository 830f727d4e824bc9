using System.Collections.Immutable;

namespace Consolidate.Rewriters.Apply;

/// <summary>
/// What an apply did: its status, the checkpoint (null when refused before one was written), the patches it applied,
/// the problems (every reason it refused or failed, each naming the file) and notes for the user.
/// </summary>
public sealed record ApplyOutcome(
    ApplyStatus Status,
    Checkpoint? Checkpoint,
    ImmutableArray<PatchSetEntry> Patches,
    ImmutableArray<string> Problems,
    ImmutableArray<string> Notes)
{
    public static ApplyOutcome Refused(params string[] problems) => new(ApplyStatus.Refused, null, [], [.. problems], []);

    public static ApplyOutcome Refused(IEnumerable<string> problems) => new(ApplyStatus.Refused, null, [], [.. problems], []);
}
