using Consolidate.Analyzers.Rules.Compose;
using Consolidate.Analyzers.Tests.Support;

namespace Consolidate.Analyzers.Tests.Rules.Compose;

public sealed class CONS105ComposeHostNamespaceTests
{
    [Fact, Trait("Rule", "CONS105")]
    public void Host_namespaces_are_reported() => RuleHarness.Verify<CONS105ComposeHostNamespace>(
        ("docker-compose.yml", "services:\n  mon:\n    image: mon:1\n    pid: [|host|]\n    network_mode: [|host|]\n    ipc: [|\"host\"|]\n"));

    [Fact, Trait("Rule", "CONS105")]
    public void Private_namespaces_are_clean() => RuleHarness.Verify<CONS105ComposeHostNamespace>(
        ("docker-compose.yml", "services:\n  mon:\n    image: mon:1\n    network_mode: bridge\n    ipc: shareable\n"));
}
