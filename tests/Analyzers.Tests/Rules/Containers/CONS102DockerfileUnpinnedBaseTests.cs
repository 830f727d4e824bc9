using Consolidate.Analyzers.Rules.Containers;
using Consolidate.Analyzers.Tests.Support;

namespace Consolidate.Analyzers.Tests.Rules.Containers;

public sealed class CONS102DockerfileUnpinnedBaseTests
{
    [Fact, Trait("Rule", "CONS102")]
    public void Latest_and_untagged_images_are_reported() => RuleHarness.Verify<CONS102DockerfileUnpinnedBase>(
        ("Dockerfile", "[|FROM python:latest AS build|]\nRUN echo hi\n[|FROM registry.example.com:5000/team/app|]\n"));

    [Fact, Trait("Rule", "CONS102")]
    public void Arg_defaults_are_resolved() => RuleHarness.Verify<CONS102DockerfileUnpinnedBase>(
        ("Dockerfile", "ARG BASE=node\n[|FROM ${BASE}|]\n"));

    [Fact, Trait("Rule", "CONS102")]
    public void Tags_digests_stages_scratch_and_unknown_args_are_clean() => RuleHarness.Verify<CONS102DockerfileUnpinnedBase>(
        ("Dockerfile", "ARG VERSION\nFROM python:3.12-slim AS build\nFROM build\nFROM scratch\nFROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nFROM node:${VERSION}\nFROM registry.example.com:5000/team/app:1.2\n"));
}
