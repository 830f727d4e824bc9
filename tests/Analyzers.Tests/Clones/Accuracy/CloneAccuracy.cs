using System.Collections.Immutable;
using Consolidate.Analyzers.Clones;

namespace Consolidate.Analyzers.Tests.Clones.Accuracy;

/// <summary>Precision and recall of one clone kind, over member pairs.</summary>
internal sealed record KindAccuracy(CloneKind Kind, int TruePairs, int ReportedPairs, int CorrectPairs, int FoundPairs)
{
    /// <summary>Share of the reported pairs (in classes of this kind) that are copies of each other; 1 when none.</summary>
    public double Precision => ReportedPairs == 0 ? 1.0 : (double)CorrectPairs / ReportedPairs;

    /// <summary>Share of the planted pairs of this kind that some reported class holds together.</summary>
    public double Recall => TruePairs == 0 ? 1.0 : (double)FoundPairs / TruePairs;

    public override string ToString() =>
        $"{Kind}: precision {Precision:P1} ({CorrectPairs}/{ReportedPairs}), recall {Recall:P1} ({FoundPairs}/{TruePairs})";
}

/// <summary>Scores reported clone classes against planted ones.</summary>
internal static class CloneAccuracy
{
    /// <summary>
    /// A reported member is a planted member when both are in the same file and their line ranges overlap by at least
    /// half of their union. A planted pair is found when both members are in one reported class. A reported pair is
    /// correct when its members are distinct members of one planted class, or lie inside distinct members of one
    /// planted file-scope class (a function of a copied file is a copy of that function).
    /// </summary>
    public static ImmutableArray<KindAccuracy> Score(ImmutableArray<PlantedClass> planted, ImmutableArray<CloneCluster> reported)
    {
        var plantedMembers = planted.SelectMany((c, i) => c.Members.Select(m => (Member: m, Class: i))).ToList();
        var byPath = plantedMembers.GroupBy(p => p.Member.Path).ToDictionary(g => g.Key, g => g.ToList());

        (int Class, int Member)? Match(CloneMember member)
        {
            if (!byPath.TryGetValue(member.Path, out var candidates))
                return null;
            var best = candidates
                .Select(c => (c.Class, Index: plantedMembers.IndexOf(c), Overlap: Overlap(c.Member, member)))
                .Where(c => c.Overlap >= 0.5)
                .OrderByDescending(c => c.Overlap)
                .FirstOrDefault();
            return best.Overlap >= 0.5 ? (best.Class, best.Index) : null;
        }

        List<(int Class, int Member)> Within(CloneMember member) =>
            !byPath.TryGetValue(member.Path, out var candidates)
                ? []
                : candidates
                    .Where(c => Overlap(c.Member, member) >= 0.5
                        || planted[c.Class].Scope == CloneScope.File && c.Member.StartLine <= member.StartLine && member.EndLine <= c.Member.EndLine)
                    .Select(c => (c.Class, plantedMembers.IndexOf(c)))
                    .ToList();

        var matched = reported.Select(c => c.Members.Select(Match).ToList()).ToList();
        var within = reported.Select(c => c.Members.Select(Within).ToList()).ToList();
        var found = new HashSet<(int, int)>();
        var results = ImmutableArray.CreateBuilder<KindAccuracy>();
        foreach (var kind in new[] { CloneKind.Exact, CloneKind.Renamed, CloneKind.Near })
        {
            var reportedPairs = 0;
            var correct = 0;
            for (var c = 0; c < reported.Length; c++)
            {
                var members = matched[c];
                for (var i = 0; i < members.Count; i++)
                {
                    for (var j = i + 1; j < members.Count; j++)
                    {
                        if (members[i] is { } a && members[j] is { } b)
                            found.Add((Math.Min(a.Member, b.Member), Math.Max(a.Member, b.Member)));
                        if (reported[c].Kind != kind)
                            continue;
                        reportedPairs++;
                        if (within[c][i].Any(x => within[c][j].Any(y => x.Class == y.Class && x.Member != y.Member)))
                            correct++;
                    }
                }
            }

            var truePairs = 0;
            var foundPairs = 0;
            for (var p = 0; p < planted.Length; p++)
            {
                if (planted[p].Kind != kind)
                    continue;
                var indexes = plantedMembers.Select((m, i) => (m, i)).Where(x => x.m.Class == p).Select(x => x.i).ToList();
                for (var i = 0; i < indexes.Count; i++)
                {
                    for (var j = i + 1; j < indexes.Count; j++)
                    {
                        truePairs++;
                        if (found.Contains((indexes[i], indexes[j])))
                            foundPairs++;
                    }
                }
            }

            results.Add(new KindAccuracy(kind, truePairs, reportedPairs, correct, foundPairs));
        }

        return results.ToImmutable();
    }

    private static double Overlap(CloneMember a, CloneMember b)
    {
        var intersection = Math.Min(a.EndLine, b.EndLine) - Math.Max(a.StartLine, b.StartLine) + 1;
        if (intersection <= 0)
            return 0;
        var union = Math.Max(a.EndLine, b.EndLine) - Math.Min(a.StartLine, b.StartLine) + 1;
        return (double)intersection / union;
    }
}
