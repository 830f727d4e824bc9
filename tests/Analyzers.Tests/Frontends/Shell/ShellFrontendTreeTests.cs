using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Shell;

public sealed class ShellFrontendTreeTests
{
    private readonly ShellFrontend frontend = new();

    [Fact]
    public void Functions_become_function_nodes_and_symbols()
    {
        const string text = "#!/bin/sh\nbuild() {\n  echo hi\n  if true; then make; fi\n}\nfunction deploy {\n  (cd out && rsync . host:)\n}\nbuild | tee log\n";

        var parsed = frontend.Parse(text);

        Assert.False(parsed.Failed);
        Assert.Empty(parsed.Issues);
        Assert.Equal(NodeKind.File, parsed.Root.Kind);
        Assert.Equal(new SourceText(text).Span(0, text.Length), parsed.Root.Span);
        Assert.Collection(
            parsed.Root.Children,
            build =>
            {
                Assert.Equal((NodeKind.Function, "build"), (build.Kind, build.Name));
                Assert.Collection(
                    build.Children,
                    echo => Assert.Equal((NodeKind.Statement, "command"), (echo.Kind, echo.RawKind)),
                    block =>
                    {
                        Assert.Equal((NodeKind.Block, "if_statement"), (block.Kind, block.RawKind));
                        Assert.Equal(new[] { "true", "make" }, block.Children.Select(c => text[c.Span.Start..c.Span.End]));
                        Assert.All(block.Children, c => Assert.Equal(NodeKind.Statement, c.Kind));
                    });
            },
            deploy =>
            {
                Assert.Equal((NodeKind.Function, "deploy"), (deploy.Kind, deploy.Name));
                var subshell = Assert.Single(deploy.Children);
                Assert.Equal((NodeKind.Block, "subshell"), (subshell.Kind, subshell.RawKind));
                var list = Assert.Single(subshell.Children);
                Assert.Equal((NodeKind.Statement, "list"), (list.Kind, list.RawKind));
                Assert.Empty(list.Children);
            },
            pipeline => Assert.Equal((NodeKind.Statement, "pipeline"), (pipeline.Kind, pipeline.RawKind)));

        Assert.Collection(
            parsed.Symbols,
            build =>
            {
                Assert.Equal((SymbolKind.ShellFunction, "build", (string?)null), (build.Kind, build.Name, build.Container));
                Assert.Equal("build() {\n  echo hi\n  if true; then make; fi\n}", text[build.Span.Start..build.Span.End]);
                Assert.Equal((2, 1, 5, 2), (build.Span.StartLine, build.Span.StartColumn, build.Span.EndLine, build.Span.EndColumn));
            },
            deploy => Assert.Equal((SymbolKind.ShellFunction, "deploy", 6), (deploy.Kind, deploy.Name, deploy.Span.StartLine)));
    }

    [Fact]
    public void Blocks_keep_their_statements_and_statements_keep_inner_blocks()
    {
        const string text = "for f in *.sh; do\n  shellcheck \"$f\"\ndone\ncase \"$1\" in\n  start) run;;\n  *) usage; exit 1;;\nesac\ntest -f x && { echo a; echo b; }\nwhile read -r line; do echo \"$line\"; done < input\n";

        var parsed = frontend.Parse(text);

        Assert.Empty(parsed.Issues);
        Assert.Collection(
            parsed.Root.Children,
            loop =>
            {
                Assert.Equal((NodeKind.Block, "for_statement"), (loop.Kind, loop.RawKind));
                Assert.Equal("shellcheck \"$f\"", text[Assert.Single(loop.Children).Span.Start..loop.Children[0].Span.End]);
            },
            @case =>
            {
                Assert.Equal((NodeKind.Block, "case_statement"), (@case.Kind, @case.RawKind));
                Assert.Equal(new[] { 1, 2 }, @case.Children.Select(item => item.Children.Length));
                Assert.All(@case.Children, item => Assert.Equal((NodeKind.Block, "case_item"), (item.Kind, item.RawKind)));
            },
            list =>
            {
                Assert.Equal((NodeKind.Statement, "list"), (list.Kind, list.RawKind));
                var group = Assert.Single(list.Children);
                Assert.Equal((NodeKind.Block, "compound_statement"), (group.Kind, group.RawKind));
                Assert.Equal(2, group.Children.Length);
            },
            redirected =>
            {
                Assert.Equal((NodeKind.Statement, "redirected_statement"), (redirected.Kind, redirected.RawKind));
                var loop = Assert.Single(redirected.Children);
                Assert.Equal((NodeKind.Block, "while_statement"), (loop.Kind, loop.RawKind));
                Assert.Equal(2, loop.Children.Length);
            });
    }

    [Fact]
    public void Commands_inside_substitutions_are_not_statements_of_the_block()
    {
        var parsed = frontend.Parse("for f in $(ls); do echo \"$f\"; done\n");

        var loop = Assert.Single(parsed.Root.Children);
        var statement = Assert.Single(loop.Children);
        Assert.Equal(NodeKind.Statement, statement.Kind);
    }

    [Fact]
    public void Deep_nesting_is_folded_below_the_depth_limit()
    {
        const int levels = 5000;
        var text = string.Concat(Enumerable.Repeat("{ ", levels)) + "echo deep" + string.Concat(Enumerable.Repeat("; }", levels)) + "\n";

        var parsed = frontend.Parse(text);

        Assert.Empty(parsed.Issues);
        var depth = 0;
        for (var node = parsed.Root; node.Children.Length > 0; node = node.Children[0])
            depth++;
        Assert.Equal(ShellSyntaxBuilder.MaxDepth, depth);
        Assert.Equal("deep", Assert.Single(parsed.Facts().Commands).Arguments.Single().StaticValue);
    }
}
