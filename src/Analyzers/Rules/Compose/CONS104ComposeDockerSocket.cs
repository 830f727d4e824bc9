using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Rules.Compose;

public sealed class CONS104ComposeDockerSocket : IRule
{
    public RuleDescriptor Descriptor => RuleCatalog.ComposeDockerSocket;

    public void Analyze(RuleContext context)
    {
        foreach (var file in context.Model.OfLanguage(Language.Compose))
        {
            foreach (var service in file.FactsAs<ComposeFacts>()?.Services ?? [])
            {
                foreach (var volume in service.Volumes)
                {
                    if (IsDockerSocket(volume.Source))
                    {
                        context.Report(file, volume.Span,
                            $"service '{service.Name}' mounts the Docker socket ({volume.Source}): anything in the container can start privileged containers, which is root on the host; use a socket proxy with a narrow API allow-list, or drop the mount");
                    }
                }
            }
        }
    }

    internal static bool IsDockerSocket(string? source) =>
        source is not null && (source.EndsWith("/docker.sock", StringComparison.Ordinal) || source == "docker.sock");
}
