using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Clones;

/// <summary>A clone class before suppression, canonical choice and naming: members sorted by path and line.</summary>
internal sealed class CloneClassDraft
{
    public CloneClassDraft(CloneScope scope, Language language, CloneKind kind, double similarity, List<DraftMember> members, ulong idKey, bool isRun)
    {
        Scope = scope;
        Language = language;
        Kind = kind;
        Similarity = similarity;
        members.Sort(static (x, y) =>
        {
            var byPath = string.CompareOrdinal(x.Member.Path, y.Member.Path);
            if (byPath != 0)
                return byPath;
            return x.Member.StartLine != y.Member.StartLine ? x.Member.StartLine.CompareTo(y.Member.StartLine) : x.Member.EndLine.CompareTo(y.Member.EndLine);
        });
        Members = members;
        IdKey = idKey;
        IsRun = isRun;
    }

    public CloneScope Scope { get; }

    public Language Language { get; }

    public CloneKind Kind { get; }

    public double Similarity { get; }

    public List<DraftMember> Members { get; }

    public ulong IdKey { get; }

    /// <summary>A statement run (ranks below syntactic units when two classes cover the same lines).</summary>
    public bool IsRun { get; }

    public int Canonical { get; set; }

    public string CanonicalReason { get; set; } = "";
}
