using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Shell;

public sealed class ShellScriptDirectoryTests
{
    private readonly ShellFrontend frontend = new();

    [Theory]
    [InlineData("$(dirname \"$0\")")]
    [InlineData("$(dirname $0)")]
    [InlineData("`dirname $0`")]
    [InlineData("$(dirname \"${BASH_SOURCE[0]}\")")]
    [InlineData("$(dirname \"$BASH_SOURCE\")")]
    [InlineData("${BASH_SOURCE%/*}")]
    [InlineData("${0%/*}")]
    [InlineData("$(cd \"$(dirname \"$0\")\" && pwd)")]
    [InlineData("$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)")]
    [InlineData("$(cd -- \"$(dirname -- \"${BASH_SOURCE[0]}\")\" &> /dev/null && pwd)")]
    [InlineData("$(realpath \"$(dirname \"$0\")\")")]
    [InlineData("$(dirname \"$(readlink -f \"$0\")\")")]
    [InlineData("\"$(cd \"$(dirname \"$0\")\"; pwd -P)\"")]
    public void Script_directory_idiom_is_recognized(string idiom)
    {
        var parsed = frontend.Parse($"DIR={idiom}\n");

        Assert.Empty(parsed.Issues);
        var value = Assert.Single(parsed.Facts().Assignments).Value!;
        var part = Assert.Single(value.Parts);
        Assert.Equal(ShellWordPartKind.ScriptDirectory, part.Kind);
    }

    [Theory]
    [InlineData("$(dirname \"$1\")", ShellWordPartKind.CommandSubstitution)]
    [InlineData("$(cd /tmp && pwd)", ShellWordPartKind.CommandSubstitution)]
    [InlineData("$(readlink \"$0\")", ShellWordPartKind.CommandSubstitution)]
    [InlineData("${HOME%/*}", ShellWordPartKind.Unknown)]
    [InlineData("${0%%/*}", ShellWordPartKind.Unknown)]
    public void Look_alikes_are_not_the_script_directory(string word, ShellWordPartKind expected)
    {
        var value = Assert.Single(frontend.Parse($"DIR={word}\n").Facts().Assignments).Value!;

        Assert.Equal(expected, Assert.Single(value.Parts).Kind);
    }

    [Fact]
    public void Script_directory_joins_the_rest_of_a_path()
    {
        var source = frontend.Parse("source \"$(dirname \"$0\")/lib/common.sh\"\n").Command("source");

        Assert.Equal(
            new[] { (ShellWordPartKind.ScriptDirectory, "$(dirname \"$0\")"), (ShellWordPartKind.Literal, "/lib/common.sh") },
            Assert.Single(source.Arguments).Parts.Select(p => (p.Kind, p.Text)));
    }
}
