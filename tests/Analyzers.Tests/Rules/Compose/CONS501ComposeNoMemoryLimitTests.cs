using Consolidate.Analyzers.Rules.Compose;
using Consolidate.Analyzers.Tests.Support;

namespace Consolidate.Analyzers.Tests.Rules.Compose;

public sealed class CONS501ComposeNoMemoryLimitTests
{
    [Fact, Trait("Rule", "CONS501")]
    public void Service_without_limit_is_reported_at_its_name() => RuleHarness.Verify<CONS501ComposeNoMemoryLimit>(
        ("docker-compose.yml", "services:\n  [|web|]:\n    image: web:1\n  db:\n    image: pg:16\n    mem_limit: 1g\n"));

    [Fact, Trait("Rule", "CONS501")]
    public void A_limit_in_an_override_file_counts() => RuleHarness.Verify<CONS501ComposeNoMemoryLimit>(
        ("docker-compose.yml", "services:\n  web:\n    image: web:1\n"),
        ("docker-compose.override.yml", "services:\n  web:\n    deploy:\n      resources:\n        limits:\n          memory: 512m\n"));
}
