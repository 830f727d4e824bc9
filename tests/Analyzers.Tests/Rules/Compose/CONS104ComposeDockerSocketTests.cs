using Consolidate.Analyzers.Rules.Compose;
using Consolidate.Analyzers.Tests.Support;

namespace Consolidate.Analyzers.Tests.Rules.Compose;

public sealed class CONS104ComposeDockerSocketTests
{
    [Fact, Trait("Rule", "CONS104")]
    public void Short_and_long_socket_mounts_are_reported() => RuleHarness.Verify<CONS104ComposeDockerSocket>(
        ("docker-compose.yml",
            "services:\n  ops:\n    image: ops:1\n    volumes:\n      - [|/var/run/docker.sock:/var/run/docker.sock|]\n" +
            "  ci:\n    image: ci:1\n    volumes:\n      - [|type: bind\n        source: /run/docker.sock\n        target: /var/run/docker.sock|]\n"));

    [Fact, Trait("Rule", "CONS104")]
    public void Other_volumes_are_clean() => RuleHarness.Verify<CONS104ComposeDockerSocket>(
        ("docker-compose.yml", "services:\n  db:\n    image: pg:16\n    volumes:\n      - data:/var/lib/postgresql/data\n      - ./docker.sock.md:/docs/readme.md\nvolumes:\n  data: {}\n"));
}
