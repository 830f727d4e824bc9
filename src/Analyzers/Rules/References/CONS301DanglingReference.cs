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

    public void Analyze(RuleContext context)
    {
        foreach (var reference in context.Model.References.References.Where(r => r.IsDangling))
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
