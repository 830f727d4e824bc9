using Consolidate.Analyzers.Catalog;

namespace Consolidate.Analyzers.Rules.Compose;

/// <summary>A service with no memory limit in any compose file of its project (folder), reported where it is first defined.</summary>
public sealed class CONS501ComposeNoMemoryLimit : IRule
{
    public RuleDescriptor Descriptor => RuleCatalog.ComposeNoMemoryLimit;

    public void Analyze(RuleContext context)
    {
        foreach (var project in ComposeProjects.ServicesByProject(context.Model))
        {
            foreach (var service in project.GroupBy(x => x.Service.Name, StringComparer.Ordinal))
            {
                if (service.Any(x => x.Service.Resources.MemoryLimit is not null))
                    continue;
                var (file, first) = service.First();
                if (first.Image is null && first.Build is null && first.ExtendsService is null)
                    continue;
                context.Report(file, first.NameSpan,
                    $"service '{first.Name}' has no memory limit (deploy.resources.limits.memory or mem_limit): one leak can exhaust the host and take every other service down; set a limit sized to its real use");
            }
        }
    }
}
