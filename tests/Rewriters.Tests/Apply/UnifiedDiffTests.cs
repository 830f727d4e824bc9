using System.Text;
using Consolidate.Rewriters.Apply;
using Consolidate.Rewriters.Patches;
using CsCheck;

namespace Consolidate.Rewriters.Tests.Apply;

public sealed class UnifiedDiffTests
{
    private static readonly Gen<string> LineText = Gen.OneOf("a", "b", "c", "alpha beta", "", "x\ty", "ünïcode", "d\re", "--- x", "+++ y", "@@ z", "\\ z");

    private static readonly Gen<byte[]> FileBytes = Gen.Select(Gen.Select(LineText, Gen.OneOf("\n", "\r\n")).List[0, 12], Gen.Bool)
        .Select((lines, finalBreak) => Encoding.UTF8.GetBytes(string.Concat(lines.Select((l, i) => l.Item1 + (i < lines.Count - 1 || finalBreak ? l.Item2 : "")))));

    [Fact]
    public void Parsing_and_applying_a_rendered_patch_turns_before_into_after()
    {
        Gen.Select(FileBytes, FileBytes, Gen.Int[0, 2]).Sample((before, after, kind) =>
        {
            var patch = kind switch
            {
                0 => new FilePatch("dir one/file.txt", before, after),
                1 => new FilePatch("new/\"q\".sh", null, after, "100755"),
                _ => new FilePatch("ünï/gone.txt", before, null),
            };
            var rendered = PatchRenderer.Render("a preamble\ndiff lines are indented by the renderer", [patch]);
            var (files, problem) = UnifiedDiffParser.Parse(rendered, "test.patch");
            Assert.Null(problem);
            if (files.IsEmpty)
            {
                Assert.Equal(before, after); // an unchanged file renders nothing
                return;
            }

            var file = Assert.Single(files);
            Assert.Equal(patch.Path, file.Path);
            var (result, applyProblem) = UnifiedDiffApplier.Apply(file, patch.Before);
            Assert.Null(applyProblem);
            Assert.Equal(patch.After, result);
        }, iter: 500);
    }

    [Fact]
    public void A_hunk_that_does_not_match_is_refused_with_the_line()
    {
        var patch = PatchRenderer.Render("", [new FilePatch("a.txt", Encoding.UTF8.GetBytes("one\ntwo\nthree\n"), Encoding.UTF8.GetBytes("one\n2\nthree\n"))]);
        var file = Assert.Single(UnifiedDiffParser.Parse(patch, "p").Files);
        var (after, problem) = UnifiedDiffApplier.Apply(file, Encoding.UTF8.GetBytes("one\nTWO\nthree\n"));
        Assert.Null(after);
        Assert.Contains("does not match at line 2: expected 'two', found 'TWO'", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("diff --git a/x b/y\n--- a/x\n+++ b/y\n@@ -1 +1 @@\n-a\n+b\n", "renames and copies")]
    [InlineData("diff --git a/x b/x\nold mode 100644\nnew mode 100755\n", "unsupported header line")]
    [InlineData("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1 @@\n-a\n", "ends early")]
    [InlineData("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\ngarbage\n", "unexpected line 'garbage'")]
    [InlineData("diff --git a/x b/x\nnew file mode 120000\n--- /dev/null\n+++ b/x\n@@ -0,0 +1 @@\n+target\n", "unsupported file mode 120000")]
    public void Anything_outside_our_format_is_refused(string patch, string reason)
    {
        var (_, problem) = UnifiedDiffParser.Parse(Encoding.UTF8.GetBytes("text\n\n" + patch), "p.patch");
        Assert.NotNull(problem);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }
}
