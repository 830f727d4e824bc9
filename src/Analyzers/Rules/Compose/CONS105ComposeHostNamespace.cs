using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Rules.Compose;

public sealed class CONS105ComposeHostNamespace : IRule
{
    public RuleDescriptor Descriptor => RuleCatalog.ComposeHostNamespace;

    public void Analyze(RuleContext context)
    {
        foreach (var file in context.Model.OfLanguage(Language.Compose))
        {
            foreach (var service in file.FactsAs<ComposeFacts>()?.Services ?? [])
            {
                Check(context, file, service, service.Pid, "pid", "see and signal every process on the host");
                Check(context, file, service, service.Ipc, "ipc", "read the host's shared memory");
                Check(context, file, service, service.NetworkMode, "network_mode", "bind any host port and reach services listening on localhost");
            }
        }
    }

    private static void Check(RuleContext context, FileModel file, ComposeService service, ComposeScalar? value, string key, string risk)
    {
        if (value is not null && value.Value.Trim().Equals("host", StringComparison.OrdinalIgnoreCase))
        {
            context.Report(file, value.Span,
                $"service '{service.Name}' sets {key}: host, so it can {risk}; remove it and publish or share only what the service needs");
        }
    }
}
