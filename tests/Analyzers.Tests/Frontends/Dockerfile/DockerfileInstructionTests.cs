using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Dockerfile;

public sealed class DockerfileInstructionTests
{
    [Fact]
    public void Keywords_are_case_insensitive_and_stored_upper_case()
    {
        var parsed = DockerfileAssert.Parse("from alpine:3.20\nRun echo hi\nwOrKdIr /app\n");
        var facts = Assert.IsType<DockerfileFacts>(parsed.Facts);

        Assert.Empty(parsed.Issues);
        Assert.Equal(["FROM", "RUN", "WORKDIR"], facts.Stages[0].Instructions.Select(i => i.Keyword));
        var stage = Assert.Single(parsed.Root.Children);
        Assert.Equal(["from", "run", "workdir"], stage.Children.Select(n => n.RawKind));
        Assert.All(stage.Children, n => Assert.Equal(NodeKind.Instruction, n.Kind));
    }

    [Fact]
    public void Every_instruction_is_known()
    {
        const string text = """
            ARG BASE=debian:bookworm
            FROM ${BASE} AS base
            MAINTAINER someone@example.com
            LABEL org.opencontainers.image.title="demo" version=1
            ENV LANG=C.UTF-8 PATH=/opt/bin:$PATH
            ARG VERSION
            ADD https://example.com/x.tar.gz /tmp/
            COPY . /src
            RUN make -C /src
            EXPOSE 8080/tcp 9090
            VOLUME ["/data"]
            WORKDIR /src
            USER 10001:10001
            STOPSIGNAL SIGTERM
            HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1
            SHELL ["/bin/bash", "-c"]
            ONBUILD RUN echo child
            ENTRYPOINT ["/entrypoint.sh"]
            CMD ["serve"]
            """;

        var facts = DockerfileAssert.Facts(text);

        Assert.Equal(
            ["FROM", "MAINTAINER", "LABEL", "ENV", "ARG", "ADD", "COPY", "RUN", "EXPOSE", "VOLUME", "WORKDIR", "USER", "STOPSIGNAL", "HEALTHCHECK", "SHELL", "ONBUILD", "ENTRYPOINT", "CMD"],
            facts.Stages[0].Instructions.Select(i => i.Keyword));
        Assert.Equal("LANG=C.UTF-8 PATH=/opt/bin:$PATH", facts.Single("ENV").Arguments);
        Assert.Equal("CMD curl -f http://localhost/ || exit 1", facts.Single("HEALTHCHECK").Arguments);
        Assert.Equal("30s", facts.Single("HEALTHCHECK").Flag("interval"));
        Assert.Equal<string>(["/bin/bash", "-c"], facts.Single("SHELL").ExecForm);
        Assert.Equal<string>(["/data"], facts.Single("VOLUME").ExecForm);
    }

    [Fact]
    public void Flags_are_split_into_name_and_value_with_their_spans()
    {
        const string text = "FROM alpine\nCOPY --from=build --chown=app:app --chmod=0755 --link /out /usr/local/bin/\n"
            + "RUN --mount=type=cache,target=/root/.cache --network=none --security=insecure pip install .\n";

        var facts = DockerfileAssert.Facts(text);

        var copy = facts.Single("COPY");
        Assert.Equal(["from", "chown", "chmod", "link"], copy.Flags.Select(f => f.Name));
        Assert.Equal(["build", "app:app", "0755", null], copy.Flags.Select(f => f.Value));
        Assert.Equal("build", copy.Flag("FROM"));
        Assert.Null(copy.Flag("link"));
        Assert.Equal("--chown=app:app", text.Slice(copy.Flags[1].Span));
        Assert.Equal("/out /usr/local/bin/", copy.Arguments);
        Assert.Equal("/out /usr/local/bin/", text.Slice(copy.ArgumentsSpan));

        var run = facts.Single("RUN");
        Assert.Equal("type=cache,target=/root/.cache", run.Flag("mount"));
        Assert.Equal("none", run.Flag("network"));
        Assert.Equal("insecure", run.Flag("security"));
        Assert.Equal("pip install .", run.Arguments);
    }

    [Fact]
    public void Quoted_flag_values_are_unquoted_and_a_bare_double_dash_ends_the_flags()
    {
        var facts = DockerfileAssert.Facts("FROM alpine\nRUN --mount=type=secret,id=\"my key\" -- --help\n");

        var run = facts.Single("RUN");
        Assert.Equal("type=secret,id=my key", Assert.Single(run.Flags).Value);
        Assert.Equal("--help", run.Arguments);
    }

    [Fact]
    public void Exec_form_is_a_json_array_of_strings()
    {
        const string text = "FROM alpine\nENTRYPOINT [\"/bin/tini\", \"--\"]\nCMD [ \"echo\", \"a \\\"b\\\"\", \"\\u00e9\\n\" ]\n";

        var facts = DockerfileAssert.Facts(text);

        var entrypoint = facts.Single("ENTRYPOINT");
        Assert.True(entrypoint.IsExecForm);
        Assert.Equal<string>(["/bin/tini", "--"], entrypoint.ExecForm);
        Assert.Equal<string>(["echo", "a \"b\"", "é\n"], facts.Single("CMD").ExecForm);
    }

    [Fact]
    public void Invalid_json_falls_back_to_shell_form_like_docker()
    {
        var shell = new RecordingShellParser();
        var facts = DockerfileAssert.Facts("FROM alpine\nCMD ['single', 'quotes']\nRUN [ -f /etc/os-release ] && echo ok\nCMD [\"a\",]\n", shell);

        Assert.All(facts.Stages[0].Instructions.Skip(1), i => Assert.False(i.IsExecForm));
        Assert.Equal(["['single', 'quotes']", "[ -f /etc/os-release ] && echo ok", "[\"a\",]"], shell.Calls.Select(c => c.Snippet));
    }

    [Fact]
    public void A_json_array_that_is_not_all_strings_is_an_issue()
    {
        var parsed = DockerfileAssert.Parse("FROM alpine\nCMD [\"sleep\", 10]\n");

        var issue = Assert.Single(parsed.Issues);
        Assert.Equal(2, issue.Line);
        Assert.Equal(5, issue.Column);
        Assert.Contains("must hold only strings", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_exec_form_is_exec_form()
    {
        var facts = DockerfileAssert.Facts("FROM alpine\nENTRYPOINT []\n");

        Assert.True(facts.Single("ENTRYPOINT").IsExecForm);
        Assert.Empty(facts.Single("ENTRYPOINT").ExecForm);
    }

    [Fact]
    public void Shell_instruction_must_be_json()
    {
        var parsed = DockerfileAssert.Parse("FROM alpine\nSHELL /bin/bash -c\n");

        Assert.Contains(parsed.Issues, i => i.Line == 2 && i.Message.Contains("SHELL needs its arguments in JSON form", StringComparison.Ordinal));
    }

    [Fact]
    public void Onbuild_wraps_an_instruction()
    {
        const string text = "FROM alpine\nONBUILD COPY --chown=app . /app\nonbuild run make\n";

        var facts = DockerfileAssert.Facts(text);

        var onbuilds = facts.Stages[0].Instructions.Where(i => i.Keyword == "ONBUILD").ToList();
        Assert.Equal(2, onbuilds.Count);
        Assert.Equal("COPY --chown=app . /app", onbuilds[0].Arguments);
        var copy = onbuilds[0].OnBuild!;
        Assert.Equal("COPY", copy.Keyword);
        Assert.Equal("app", copy.Flag("chown"));
        Assert.Equal(". /app", copy.Arguments);
        Assert.Equal("COPY --chown=app . /app", text.Slice(copy.Span));
        Assert.Equal("RUN", onbuilds[1].OnBuild!.Keyword);
        Assert.Equal("make", onbuilds[1].OnBuild!.Arguments);
    }

    [Fact]
    public void Onbuild_of_from_or_onbuild_is_an_issue()
    {
        var parsed = DockerfileAssert.Parse("FROM alpine\nONBUILD FROM busybox\nONBUILD ONBUILD RUN x\nONBUILD\n");

        Assert.Collection(
            parsed.Issues,
            i => Assert.Equal((2, "FROM is not allowed as an ONBUILD trigger"), (i.Line, i.Message)),
            i => Assert.Equal((3, "ONBUILD is not allowed as an ONBUILD trigger"), (i.Line, i.Message)),
            i => Assert.Equal(4, i.Line));
        Assert.StartsWith("ONBUILD needs an instruction", parsed.Issues[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Onbuild_run_is_parsed_as_shell_in_the_wrapped_instruction()
    {
        var shell = new RecordingShellParser();
        const string text = "FROM alpine\nONBUILD RUN echo child\n";

        var facts = DockerfileAssert.Facts(text, shell);

        var (start, snippet) = Assert.Single(shell.Calls);
        Assert.Equal("echo child", snippet);
        Assert.Equal(text.IndexOf("echo", StringComparison.Ordinal), start);
        Assert.NotNull(facts.Single("ONBUILD").OnBuild!.Shell);
    }

    [Fact]
    public void Last_user_of_the_final_stage_drops_the_group()
    {
        var facts = DockerfileAssert.Facts("FROM golang AS build\nUSER builder\nFROM alpine\nUSER root\nRUN adduser -D app\nUSER app:app\n");

        Assert.Equal("builder", facts.Stages[0].LastUser);
        Assert.Equal("app", facts.FinalStage!.LastUser);
        Assert.Null(DockerfileAssert.Facts("FROM alpine\n").FinalStage!.LastUser);
    }

    [Fact]
    public void Arguments_span_of_an_instruction_without_arguments_is_empty()
    {
        var parsed = DockerfileAssert.Parse("FROM alpine\nUSER\n");
        var user = Assert.IsType<DockerfileFacts>(parsed.Facts).Single("USER");

        Assert.Equal("", user.Arguments);
        Assert.Equal(0, user.ArgumentsSpan.Length);
        Assert.Null(Assert.IsType<DockerfileFacts>(parsed.Facts).FinalStage!.LastUser);
    }
}
