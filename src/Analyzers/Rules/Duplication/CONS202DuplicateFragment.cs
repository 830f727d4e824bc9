using System.Collections.Immutable;
using System.Globalization;
using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Rules.Duplication;

/// <summary>
/// Reports each fragment-scope clone class (functions, methods, classes, stages, runs of statements) once, at its
/// canonical member, with every other member as a related location. Whole files are CONS201's.
/// </summary>
public sealed class CONS202DuplicateFragment : IRule
{
    public RuleDescriptor Descriptor => RuleCatalog.DuplicateFragment;

    public void Analyze(RuleContext context)
    {
        foreach (var cluster in context.Model.Clusters.Where(c => c.Scope == CloneScope.Fragment))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var canonical = cluster.CanonicalMember;
            var others = cluster.Members.Where((_, i) => i != cluster.Canonical).ToImmutableArray();
            var (what, plural) = Describe(context.Model, canonical);
            var keep = $"{canonical.Path}:{canonical.StartLine}-{canonical.EndLine}";
            var kind = cluster.Kind switch
            {
                CloneKind.Exact => "exact clone",
                CloneKind.Renamed => "renamed clone: only names and literals differ",
                _ => $"near clone, {Percent(cluster.Similarity)} similar",
            };
            var places = others.Length == 1 ? "1 other place" : $"{others.Length} other places";
            var related = others
                .Select(m => new RelatedLocation(m.Path, m.StartLine, m.EndLine, $"{cluster.Kind.ToString().ToLowerInvariant()} copy of '{keep}'"))
                .ToImmutableArray();
            context.ReportLines(
                canonical.Path,
                canonical.StartLine,
                canonical.EndLine,
                $"{what} {(plural ? "are" : "is")} repeated in {places} ({kind}, class {cluster.Id}); " +
                $"keep '{keep}' ({cluster.CanonicalReason}) and call it from the others",
                related);
        }
    }

    /// <summary>"function 'run'", "method 'Agent.run'", "class 'Agent'", "stage 'build'", or "12 lines of statements in 'deploy'".</summary>
    private static (string What, bool Plural) Describe(RepositoryModel model, CloneMember member)
    {
        var name = member.Symbol?.Substring(member.Symbol.LastIndexOf('.') + 1);
        var root = model.File(member.Path)?.Parsed?.Root;
        var node = root?.DescendantsAndSelf().FirstOrDefault(n =>
            n.Kind is NodeKind.Function or NodeKind.Class or NodeKind.Stage && n.Span.StartLine == member.StartLine && n.Name == name);
        if (node is not null)
        {
            var noun = node.Kind switch
            {
                NodeKind.Class => "class",
                NodeKind.Stage => "stage",
                _ when member.Symbol!.IndexOf('.') >= 0 && IsMethod(root!, node) => "method",
                _ => "function",
            };
            return ($"{noun} '{member.Symbol}'", false);
        }

        var lines = member.EndLine - member.StartLine + 1;
        var where = member.Symbol is null ? "" : $" in '{member.Symbol}'";
        return ($"{lines.ToString(CultureInfo.InvariantCulture)} lines of statements{where}", true);
    }

    /// <summary>Whether the nearest function, class or stage around <paramref name="node"/> is a class.</summary>
    private static bool IsMethod(SyntaxNode root, SyntaxNode node)
    {
        SyntaxNode? owner = null;
        foreach (var candidate in root.DescendantsAndSelf())
        {
            if (candidate.Kind is NodeKind.Function or NodeKind.Class && !ReferenceEquals(candidate, node)
                && candidate.Span.Contains(node.Span) && (owner is null || owner.Span.Contains(candidate.Span)))
                owner = candidate;
        }

        return owner?.Kind == NodeKind.Class;
    }

    /// <summary>Rounded down, so a class just under the threshold never reads as reaching it.</summary>
    private static string Percent(double similarity) =>
        ((int)Math.Floor(similarity * 100 + 1e-9)).ToString(CultureInfo.InvariantCulture) + "%";
}
