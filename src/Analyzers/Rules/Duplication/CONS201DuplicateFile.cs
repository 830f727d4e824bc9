using System.Collections.Immutable;
using System.Globalization;
using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Engine;

namespace Consolidate.Analyzers.Rules.Duplication;

/// <summary>Reports each file-scope clone class once, at its canonical copy, with every other copy as a related location.</summary>
public sealed class CONS201DuplicateFile : IRule
{
    public RuleDescriptor Descriptor => RuleCatalog.DuplicateFile;

    public void Analyze(RuleContext context)
    {
        foreach (var cluster in context.Model.Clusters.Where(c => c.Scope == CloneScope.File))
        {
            var canonical = cluster.CanonicalMember;
            var others = cluster.Members.Where(m => m != canonical).ToImmutableArray();
            var related = others.Select(m => new RelatedLocation(m.Path, m.StartLine, m.EndLine, $"copy of {canonical.Path}")).ToImmutableArray();
            var similarity = cluster.Kind == CloneKind.Exact ? "" : $", {cluster.Similarity.ToString("P0", CultureInfo.InvariantCulture)} similar";
            var copies = others.Length == 1 ? $"'{others[0].Path}' is" : $"{others.Length} files are";
            context.ReportLines(
                canonical.Path,
                1,
                canonical.EndLine,
                $"{copies} {(others.Length == 1 ? "a copy" : "copies")} of '{canonical.Path}' ({cluster.Kind.ToString().ToLowerInvariant()} clone{similarity}, class {cluster.Id}); " +
                $"keep '{canonical.Path}' ({cluster.CanonicalReason}) and point every reference at it ('consolidate-analyze fix' proposes the patch)",
                related);
        }
    }
}
