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
                // Report where the service is really defined (image, build or extends), not where an override adds to it.
                var defining = service.Where(x => x.Service.Image is not null || x.Service.Build is not null || x.Service.ExtendsService is not null).ToList();
                if (defining.Count == 0)
                    continue;
                var (file, first) = defining.First();
                context.Report(file, first.NameSpan,
                    $"service '{first.Name}' has no memory limit (deploy.resources.limits.memory or mem_limit): one leak can exhaust the host and take every other service down; set a limit sized to its real use");
            }
        }
    }
}
