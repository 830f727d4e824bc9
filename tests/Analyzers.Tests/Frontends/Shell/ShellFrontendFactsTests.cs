using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Shell;

public sealed class ShellFrontendFactsTests
{
    private readonly ShellFrontend frontend = new();

    [Fact]
    public void Commands_and_assignments_share_one_sequence_in_source_order()
    {
        const string text = """
            cd /opt/app
            export PATH="$HOME/bin:$PATH" MODE
            count=1
            setup() {
              local dir="$1" tmp
              cp -r "$dir" /tmp/x > /dev/null 2>&1
            }
            FOO=bar make all
            PATH+=:/usr/local/bin
            """;

        var facts = frontend.Parse(text).Facts();

        Assert.Collection(
            facts.Commands,
            cd => AssertCommand(cd, "cd", new[] { "/opt/app" }, null, 0),
            cp => AssertCommand(cp, "cp", new[] { "-r", "\"$dir\"", "/tmp/x" }, "setup", 5),
            make => AssertCommand(make, "make", new[] { "all" }, null, 6));
        Assert.Collection(
            facts.Assignments,
            path =>
            {
                Assert.Equal(("PATH", 1, (string?)null), (path.Name, path.Sequence, path.Function));
                Assert.Equal("\"$HOME/bin:$PATH\"", path.Value!.Text);
                Assert.Equal(
                    new[] { (ShellWordPartKind.Variable, "HOME"), (ShellWordPartKind.Literal, "/bin:"), (ShellWordPartKind.Variable, "PATH") },
                    path.Value.Parts.Select(p => (p.Kind, p.Text)));
                Assert.Equal("PATH=\"$HOME/bin:$PATH\"", text[path.Span.Start..path.Span.End]);
            },
            count =>
            {
                Assert.Equal(("count", 2), (count.Name, count.Sequence));
                Assert.Equal("1", count.Value!.StaticValue);
            },
            dir =>
            {
                Assert.Equal(("dir", 3, "setup"), (dir.Name, dir.Sequence, dir.Function));
                Assert.Equal((ShellWordPartKind.Unknown, "$1"), (Assert.Single(dir.Value!.Parts).Kind, dir.Value.Parts[0].Text));
            },
            tmp =>
            {
                Assert.Equal(("tmp", 4, "setup"), (tmp.Name, tmp.Sequence, tmp.Function));
                Assert.Null(tmp.Value);
            },
            append =>
            {
                Assert.Equal(("PATH", 7), (append.Name, append.Sequence));
                Assert.Equal(
                    new[] { (ShellWordPartKind.Variable, "PATH"), (ShellWordPartKind.Literal, ":/usr/local/bin") },
                    append.Value!.Parts.Select(p => (p.Kind, p.Text)));
            });
    }

    [Fact]
    public void Source_and_dot_are_source_commands()
    {
        var facts = frontend.Parse("source ./lib/common.sh\n. \"$DIR/env.sh\"\necho done\n").Facts();

        Assert.Equal(new[] { true, true, false }, facts.Commands.Select(c => c.IsSource));
        Assert.Equal("./lib/common.sh", facts.Commands[0].Arguments.Single().StaticValue);
        Assert.Equal(
            new[] { (ShellWordPartKind.Variable, "DIR"), (ShellWordPartKind.Literal, "/env.sh") },
            facts.Commands[1].Arguments.Single().Parts.Select(p => (p.Kind, p.Text)));
    }

    [Fact]
    public void Empty_value_is_an_empty_static_word()
    {
        var assignment = Assert.Single(frontend.Parse("CDPATH=\n").Facts().Assignments);

        Assert.Equal("CDPATH", assignment.Name);
        Assert.Equal(string.Empty, assignment.Value!.StaticValue);
    }

    [Fact]
    public void Heredocs_have_their_delimiter_and_body()
    {
        const string text = "cat <<'EOF' > out.txt\nhello $name\nEOF\ncat <<-END | sort\n\tb\n\ta\n\tEND\necho after\n";

        var parsed = frontend.Parse(text);

        Assert.Empty(parsed.Issues);
        var facts = parsed.Facts();
        Assert.Collection(
            facts.Heredocs,
            quoted =>
            {
                Assert.Equal("EOF", quoted.Delimiter);
                Assert.Equal("hello $name\n", text[quoted.BodySpan.Start..quoted.BodySpan.End]);
                Assert.Equal(2, quoted.BodySpan.StartLine);
            },
            stripped =>
            {
                Assert.Equal("END", stripped.Delimiter);
                Assert.Contains("b\n\ta", text[stripped.BodySpan.Start..stripped.BodySpan.End], StringComparison.Ordinal);
            });
        Assert.Equal(new[] { "cat", "cat", "sort", "echo" }, facts.Commands.Select(c => c.Name.StaticValue));
        Assert.Equal(new[] { "after" }, facts.Commands[^1].Arguments.Select(a => a.StaticValue));
    }

    [Fact]
    public void Words_are_decoded_into_parts()
    {
        const string text = "echo \"a\"'b'c $'x\\ty' \\$HOME ~/bin *.txt file[0-9].log {a,b} \"$x\" ${y} $1 $(date) $((1+2)) \"*\" ${z:-d} \"\"\n";

        var arguments = frontend.Parse(text).Command("echo").Arguments;

        Assert.Collection(
            arguments,
            a => AssertParts(a, (ShellWordPartKind.Literal, "abc")),
            a => AssertParts(a, (ShellWordPartKind.Literal, "x\ty")),
            a => AssertParts(a, (ShellWordPartKind.Literal, "$HOME")),
            a => AssertParts(a, (ShellWordPartKind.Unknown, "~"), (ShellWordPartKind.Literal, "/bin")),
            a => AssertParts(a, (ShellWordPartKind.Glob, "*"), (ShellWordPartKind.Literal, ".txt")),
            a => AssertParts(a, (ShellWordPartKind.Literal, "file"), (ShellWordPartKind.Glob, "[0-9]"), (ShellWordPartKind.Literal, ".log")),
            a => AssertParts(a, (ShellWordPartKind.Unknown, "{a,b}")),
            a => AssertParts(a, (ShellWordPartKind.Variable, "x")),
            a => AssertParts(a, (ShellWordPartKind.Variable, "y")),
            a => AssertParts(a, (ShellWordPartKind.Unknown, "$1")),
            a => AssertParts(a, (ShellWordPartKind.CommandSubstitution, "$(date)")),
            a => AssertParts(a, (ShellWordPartKind.Unknown, "$((1+2))")),
            a => AssertParts(a, (ShellWordPartKind.Literal, "*")),
            a => AssertParts(a, (ShellWordPartKind.Unknown, "${z:-d}")),
            a => Assert.Equal(string.Empty, a.StaticValue));
    }

    [Fact]
    public void Commands_inside_command_substitutions_lie_inside_the_outer_word()
    {
        var facts = frontend.Parse("version=$(git describe --tags)\n").Facts();

        var assignment = Assert.Single(facts.Assignments);
        var git = Assert.Single(facts.Commands);
        Assert.Equal(new[] { "describe", "--tags" }, git.Arguments.Select(a => a.StaticValue));
        Assert.True(assignment.Value!.Span.Contains(git.Span));
        Assert.True(git.Sequence > assignment.Sequence);
    }

    private static void AssertCommand(ShellCommand command, string name, string[] arguments, string? function, int sequence)
    {
        Assert.Equal(name, command.Name.StaticValue);
        Assert.Equal(arguments, command.Arguments.Select(a => a.Text));
        Assert.Equal(function, command.Function);
        Assert.Equal(sequence, command.Sequence);
    }

    private static void AssertParts(ShellWord word, params (ShellWordPartKind Kind, string Text)[] expected) =>
        Assert.Equal(expected, word.Parts.Select(p => (p.Kind, p.Text)));
}
