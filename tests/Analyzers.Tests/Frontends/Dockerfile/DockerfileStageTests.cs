using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Dockerfile;

public sealed class DockerfileStageTests
{
    private const string Text =
        "ARG GO_VERSION=1.22\n" +
        "ARG BASE\n" +
        "FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build\n" +
        "ARG TARGETOS\n" +
        "RUN go build -o /out/app .\n" +
        "\n" +
        "FROM gcr.io/distroless/static\n" +
        "COPY --from=build /out/app /app\n" +
        "USER 65532\n";

    [Fact]
    public void Args_before_the_first_from_are_global()
    {
        var facts = DockerfileAssert.Facts(Text);

        Assert.Equal(["GO_VERSION=1.22", "BASE"], facts.GlobalArgs.Select(a => a.Arguments));
        Assert.DoesNotContain(facts.Stages[0].Instructions, i => i.Arguments == "GO_VERSION=1.22");
        Assert.Contains(facts.Stages[0].Instructions, i => i.Keyword == "ARG" && i.Arguments == "TARGETOS");
    }

    [Fact]
    public void Stages_have_index_name_base_image_platform_and_spans()
    {
        var facts = DockerfileAssert.Facts(Text);

        Assert.Equal(2, facts.Stages.Length);
        var build = facts.Stages[0];
        Assert.Equal((0, "build", "golang:${GO_VERSION}", "$BUILDPLATFORM"), (build.Index, build.Name, build.BaseImage, build.Platform));
        Assert.Equal("FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build", Text.Slice(build.FromSpan));
        Assert.Equal((3, 5), (build.Span.StartLine, build.Span.EndLine));
        Assert.Equal(["FROM", "ARG", "RUN"], build.Instructions.Select(i => i.Keyword));

        var final = facts.FinalStage!;
        Assert.Equal((1, null, "gcr.io/distroless/static", null), (final.Index, final.Name, final.BaseImage, final.Platform));
        Assert.Equal((7, 9), (final.Span.StartLine, final.Span.EndLine));
        Assert.Equal("65532", final.LastUser);
    }

    [Fact]
    public void Each_stage_is_a_symbol_named_by_its_name_or_index()
    {
        var parsed = DockerfileAssert.Parse(Text);

        Assert.Equal([(SymbolKind.Stage, "build"), (SymbolKind.Stage, "1")], parsed.Symbols.Select(s => (s.Kind, s.Name)));
        Assert.Equal((3, 5), (parsed.Symbols[0].Span.StartLine, parsed.Symbols[0].Span.EndLine));
    }

    [Fact]
    public void The_tree_is_file_then_global_args_and_stages_then_instructions()
    {
        var root = DockerfileAssert.Parse(Text).Root;

        Assert.Equal(NodeKind.File, root.Kind);
        Assert.Equal(Text.Length, root.Span.Length);
        Assert.Equal([(NodeKind.Instruction, "arg", null), (NodeKind.Instruction, "arg", null), (NodeKind.Stage, "stage", "build"), (NodeKind.Stage, "stage", "1")],
            root.Children.Select(n => (n.Kind, n.RawKind, n.Name)));
        Assert.Equal(["from", "copy", "user"], root.Children[3].Children.Select(n => n.RawKind));
    }

    [Fact]
    public void From_as_is_case_insensitive_and_a_stage_can_build_on_another()
    {
        var facts = DockerfileAssert.Facts("FROM alpine as base\nFROM base AS final\n");

        Assert.Equal(["base", "final"], facts.Stages.Select(s => s.Name));
        Assert.Equal("base", facts.FinalStage!.BaseImage);
    }

    [Fact]
    public void Comments_between_stages_do_not_extend_a_stage()
    {
        var facts = DockerfileAssert.Facts("FROM a AS one\nRUN x\n# comment\n\nFROM b\n");

        Assert.Equal((1, 2), (facts.Stages[0].Span.StartLine, facts.Stages[0].Span.EndLine));
    }
}
