using System.Collections.Immutable;

namespace Consolidate.Rewriters.Families.ModuleMigration;

/// <summary>What happens to one import site: the edits that repoint it, or why it is refused.</summary>
internal sealed record SitePlan(ImportSite Site, ImmutableArray<TextEdit> Edits, string? Refusal)
{
    public static SitePlan Refuse(ImportSite site, string reason) => new(site, ImmutableArray<TextEdit>.Empty, reason);

    public static SitePlan Rewrite(ImportSite site, params TextEdit[] edits) => new(site, edits.ToImmutableArray(), null);

    public bool Refused => Refusal is not null;

    public FixSafety Safety => Edits.IsEmpty ? FixSafety.Safe : Edits.Min(e => e.Safety);
}
