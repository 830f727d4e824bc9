using Consolidate.Cli.Tests.Support;
using Consolidate.Tests.Support;

namespace Consolidate.Cli.Tests;

public sealed class RefsCommandTests
{
    private static TempTree Tree()
    {
        var tree = new TempTree();
        tree.Write("scripts/lib/common.sh", "log() { echo \"$@\"; }\n")
            .Write("scripts/build.sh", "#!/bin/bash\nsource \"$(dirname \"$0\")/lib/common.sh\"\n")
            .Write("scripts/deploy.sh", "#!/bin/bash\n\"$(dirname \"$0\")/build.sh\"\n");
        return tree;
    }

    [Fact]
    public void To_lists_references_transitively_up_to_depth()
    {
        using var tree = Tree();

        var one = CliRun.Of("refs", tree.Root, "--to", "scripts/lib/common.sh");
        var two = CliRun.Of("refs", tree.Root, "--to", "scripts/lib/common.sh", "--depth", "2");

        Assert.Equal("1 reference(s) into scripts/lib/common.sh:\n  scripts/build.sh:2 shell-source -> scripts/lib/common.sh\n", one.Stdout.ReplaceLineEndings("\n"));
        Assert.Contains("    scripts/deploy.sh:2 shell-exec -> scripts/build.sh", two.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void From_lists_outgoing_references_as_json()
    {
        using var tree = Tree();

        var run = CliRun.Of("refs", tree.Root, "--from", "scripts/deploy.sh", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"target\": \"scripts/build.sh\"", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Needs_exactly_one_direction_and_a_known_file()
    {
        using var tree = Tree();

        Assert.Equal(2, CliRun.Of("refs", tree.Root).ExitCode);
        Assert.Equal(2, CliRun.Of("refs", tree.Root, "--to", "nope.sh").ExitCode);
    }
}
