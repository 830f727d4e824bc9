using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.References;

namespace Consolidate.Analyzers.Rules.References;

/// <summary>
/// A reference to a repository path or module that does not exist, at the source line. Not dangling: paths built from
/// variables or an unknown working folder, URLs, system paths outside the configured install roots, and third-party
/// or standard-library modules (the graph leaves those out or marks them unknowable).
/// </summary>
public sealed class CONS301DanglingReference : IRule
{
    public RuleDescriptor Descriptor => RuleCatalog.DanglingReference;

    private static bool IsOrphanCopy(Reference reference) =>
        reference.Kind == ReferenceKind.DockerfileCopy && reference.Detail?.Contains("nothing in the repository builds", StringComparison.Ordinal) == true;

    public void Analyze(RuleContext context)
    {
        var dangling = context.Model.References.References.Where(r => r.IsDangling).ToList();

        // A Dockerfile nothing builds is checked against its own folder; one finding per such file says it all.
        var orphans = dangling.Where(IsOrphanCopy).GroupBy(r => r.Source, StringComparer.Ordinal);
        foreach (var orphan in orphans)
        {
            var first = orphan.First();
            var missing = string.Join(", ", orphan.Select(r => $"'{r.Written}'").Distinct().Take(5));
            var more = orphan.Count() > 5 ? $" and {orphan.Count() - 5} more" : "";
            context.ReportLines(first.Source, first.Line, first.Line,
                $"nothing in the repository builds this Dockerfile, and its own folder lacks what it copies ({missing}{more}): it cannot be built as it stands; delete it, or build it from compose with the right context");
        }

        foreach (var reference in dangling.Where(r => !IsOrphanCopy(r)))
        {
            var what = reference.Kind switch
            {
                ReferenceKind.PythonImport => $"imports '{reference.Written}', which is not a module in the repository",
                ReferenceKind.ComposeBuild => $"names '{reference.Written}', which does not exist",
                ReferenceKind.DockerfileCopy => $"copies '{reference.Written}', which the build context does not have",
                ReferenceKind.ShellSource => $"sources '{reference.Written}', which does not exist",
                _ => $"runs '{reference.Written}', which does not exist",
            };
            var detail = reference.Detail is null ? "" : $" ({reference.Detail})";
            context.ReportLines(reference.Source, reference.Line, reference.Line,
                $"{what}: '{reference.Target}' is missing{detail}; fix the path or restore the file — the step fails when it runs");
        }
    }
}
