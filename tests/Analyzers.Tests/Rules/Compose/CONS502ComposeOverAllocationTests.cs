using Consolidate.Analyzers.Rules.Compose;
using Consolidate.Analyzers.Tests.Support;

namespace Consolidate.Analyzers.Tests.Rules.Compose;

public sealed class CONS502ComposeOverAllocationTests
{
    private const string Host = "host:\n  memory: 8g\n  cpus: 4\n";

    [Fact, Trait("Rule", "CONS502")]
    public void Single_limit_above_host_and_sum_above_host_are_reported() => RuleHarness.VerifyWithConfig<CONS502ComposeOverAllocation>(
        Host,
        ("docker-compose.yml",
            "services:\n  consul:\n    image: consul:1\n    mem_limit: [|[|23g|]|]\n  rabbit:\n    image: rabbitmq:3\n    deploy:\n      resources:\n        limits:\n          memory: 2g\n          cpus: '1'\n"));

    [Fact, Trait("Rule", "CONS502")]
    public void Reservation_above_limit_is_reported_without_a_budget() => RuleHarness.Verify<CONS502ComposeOverAllocation>(
        ("docker-compose.yml", "services:\n  api:\n    image: api:1\n    deploy:\n      resources:\n        limits:\n          memory: 512m\n        reservations:\n          memory: [|1g|]\n"));

    [Fact, Trait("Rule", "CONS502")]
    public void Limits_are_merged_like_compose_merges_files() => RuleHarness.VerifyWithConfig<CONS502ComposeOverAllocation>(
        Host,
        ("docker-compose.yml", "services:\n  consul:\n    image: consul:1\n    mem_limit: 23g\n  web:\n    image: web:1\n    mem_limit: 4g\n    mem_reservation: 1g\n"),
        ("docker-compose.override.yml", "services:\n  web:\n    mem_limit: 6g\n"),
        ("docker-compose.resources.yml", "services:\n  consul:\n    mem_limit: 2g\n  web:\n    mem_reservation: [|7g|]\n"));

    [Fact, Trait("Rule", "CONS502")]
    public void Limits_within_budget_are_clean() => RuleHarness.VerifyWithConfig<CONS502ComposeOverAllocation>(
        Host,
        ("docker-compose.yml", "services:\n  a:\n    image: a:1\n    mem_limit: 2g\n    cpus: 1\n  b:\n    image: b:1\n    mem_limit: 4g\n"));
}
