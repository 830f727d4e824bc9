using System.Collections.Immutable;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Clones;

/// <summary>
/// A clone class: every member is a copy of the others. <see cref="Canonical"/> indexes the member the tool would keep,
/// and <see cref="CanonicalReason"/> says why, for a person. <see cref="Id"/> is derived from the content so it stays
/// the same across runs while the copies do.
/// </summary>
public sealed record CloneCluster(
    string Id,
    Language Language,
    CloneScope Scope,
    CloneKind Kind,
    double Similarity,
    ImmutableArray<CloneMember> Members,
    int Canonical,
    string CanonicalReason)
{
    public CloneMember CanonicalMember => Members[Canonical];
}
