using Consolidate.Analyzers.Rules.Containers;
using Consolidate.Analyzers.Tests.Support;

namespace Consolidate.Analyzers.Tests.Rules.Containers;

public sealed class CONS101DockerfileRunsAsRootTests
{
    [Fact, Trait("Rule", "CONS101")]
    public void Final_stage_without_user_is_reported() => RuleHarness.Verify<CONS101DockerfileRunsAsRoot>(
        ("Dockerfile", "FROM python:3.12 AS build\nUSER app\n[|FROM python:3.12-slim|]\nCMD [\"python\"]\n"));

    [Fact, Trait("Rule", "CONS101")]
    public void User_root_is_reported_at_the_user_line() => RuleHarness.Verify<CONS101DockerfileRunsAsRoot>(
        ("Dockerfile", "FROM alpine:3.20\nUSER 10001\nRUN echo hi\n[|USER root|]\n"));

    [Fact, Trait("Rule", "CONS101")]
    public void Root_user_inherited_from_an_earlier_stage_is_reported_at_the_final_from() => RuleHarness.Verify<CONS101DockerfileRunsAsRoot>(
        ("Dockerfile", "FROM alpine:3.20 AS base\nUSER root\n[|FROM base|]\nCMD [\"sh\"]\n"));

    [Fact, Trait("Rule", "CONS101")]
    public void Non_root_final_stage_is_clean() => RuleHarness.Verify<CONS101DockerfileRunsAsRoot>(
        ("Dockerfile", "FROM alpine:3.20\nUSER 10001\n"),
        ("b/Dockerfile", "FROM alpine:3.20 AS base\nUSER app:app\nFROM base\nCMD [\"sh\"]\n"));

    [Fact, Trait("Rule", "CONS101")]
    public void Empty_repository_is_clean() => RuleHarness.Verify<CONS101DockerfileRunsAsRoot>();
}
