using Consolidate.Analyzers.Rules.Compose;
using Consolidate.Analyzers.Tests.Support;

namespace Consolidate.Analyzers.Tests.Rules.Compose;

public sealed class CONS103ComposePrivilegedTests
{
    [Fact, Trait("Rule", "CONS103")]
    public void Privileged_service_is_reported() => RuleHarness.Verify<CONS103ComposePrivileged>(
        ("docker-compose.yml", "services:\n  agent:\n    image: app:1\n    privileged: [|true|]\n"));

    [Fact, Trait("Rule", "CONS103")]
    public void Unprivileged_services_are_clean() => RuleHarness.Verify<CONS103ComposePrivileged>(
        ("docker-compose.yml", "services:\n  agent:\n    image: app:1\n    privileged: false\n  web:\n    image: web:1\n"));
}
