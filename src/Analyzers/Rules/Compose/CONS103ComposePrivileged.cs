using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Rules.Compose;

public sealed class CONS103ComposePrivileged : IRule
{
    public RuleDescriptor Descriptor => RuleCatalog.ComposePrivileged;

    public void Analyze(RuleContext context)
    {
        foreach (var file in context.Model.OfLanguage(Language.Compose))
        {
            foreach (var service in file.FactsAs<ComposeFacts>()?.Services ?? [])
            {
                if (ComposeProjects.IsTrue(service.Privileged))
                {
                    context.Report(file, service.Privileged!.Span,
                        $"service '{service.Name}' runs privileged: it gets every kernel capability and all host devices, so escaping the container is trivial; remove 'privileged' and add only the capabilities (cap_add) or devices it needs");
                }
            }
        }
    }
}
