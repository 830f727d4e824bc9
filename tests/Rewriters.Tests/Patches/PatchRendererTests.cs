using System.Text;
using Consolidate.Rewriters.Patches;
using Consolidate.Rewriters.Tests.Support;
using CsCheck;

namespace Consolidate.Rewriters.Tests.Patches;

public sealed class PatchRendererTests
{
    private static readonly Gen<string> LineText = Gen.OneOf("a", "b", "c", "alpha beta", "  indented", "", "x\ty", "ünïcode", "d\re", "--- x", "+++ y", "@@ z");

    private static readonly Gen<List<(string Text, string Break)>> Lines =
        Gen.Select(LineText, Gen.OneOf("\n", "\r\n")).List[0, 14];

    private static readonly Gen<byte[]> FileBytes = Gen.Select(Lines, Gen.Bool, Gen.Bool).Select((lines, bom, finalBreak) => Bytes(lines, bom, finalBreak));

    /// <summary>A before text and an after text derived from it by random line edits, so the diffs have both context and changes.</summary>
    private static readonly Gen<(byte[] Before, byte[] After)> Pairs =
        Gen.Select(Lines, Gen.Bool, Gen.Bool, Gen.Int[0, 4].Array[0, 14], Lines, Gen.Bool, Gen.Bool)
            .Select((lines, bom, finalBreak, operations, inserted, bomAfter, finalBreakAfter) =>
            {
                var after = new List<(string, string)>();
                for (var i = 0; i < lines.Count; i++)
                {
                    var op = i < operations.Length ? operations[i] : 0;
                    if (op == 1)
                        continue;
                    if (op == 2 && inserted.Count > 0)
                        after.Add(inserted[i % inserted.Count]);
                    after.Add(op == 3 ? (lines[i].Text + "!", lines[i].Break) : op == 4 ? (lines[i].Text, lines[i].Break == "\n" ? "\r\n" : "\n") : lines[i]);
                }

                var afterBom = operations.Length > 0 && operations[0] == 4 ? !bom : bom;
                var afterFinal = operations.Length > 1 && operations[^1] == 1 ? !finalBreak : finalBreak;
                return (Bytes(lines, bom, finalBreak), Bytes(after, afterBom, afterFinal));
            });

    [Fact]
    public void Rendered_patch_turns_before_into_after_with_git_apply()
    {
        Gen.OneOf(Pairs, Gen.Select(FileBytes, FileBytes)).Sample(pair => ApplyRoundTrip("dir one/file.txt", pair.Item1, pair.Item2), iter: 30, threads: 1);
    }

    [Theory]
    [InlineData("plain.txt")]
    [InlineData("with space/name with space.txt")]
    [InlineData("quote\"and\\backslash.txt")]
    [InlineData("ünïcode/fïle.txt")]
    public void Paths_are_written_the_way_git_reads_them(string path)
    {
        ApplyRoundTrip(path, Encoding.UTF8.GetBytes("one\ntwo\nthree\n"), Encoding.UTF8.GetBytes("one\n2\nthree\n"));
    }

    [Fact]
    public void Created_and_deleted_files_get_modes_and_dev_null()
    {
        var created = Encoding.ASCII.GetString(PatchRenderer.RenderFile(new FilePatch("new.yml", null, Encoding.ASCII.GetBytes("a: 1\n"))));
        Assert.Equal("diff --git a/new.yml b/new.yml\nnew file mode 100644\n--- /dev/null\n+++ b/new.yml\n@@ -0,0 +1 @@\n+a: 1\n", created);
        var deleted = Encoding.ASCII.GetString(PatchRenderer.RenderFile(new FilePatch("old.sh", Encoding.ASCII.GetBytes("echo"), null, "100755")));
        Assert.Equal("diff --git a/old.sh b/old.sh\ndeleted file mode 100755\n--- a/old.sh\n+++ /dev/null\n@@ -1 +0,0 @@\n-echo\n\\ No newline at end of file\n", deleted);

        var work = Tools.TempDirectory();
        try
        {
            File.WriteAllText(Path.Combine(work, "old.sh"), "echo");
            File.SetUnixFileMode(Path.Combine(work, "old.sh"), (UnixFileMode)Convert.ToInt32("755", 8));
            var patch = Path.Combine(work, "..", Path.GetFileName(work) + ".patch");
            File.WriteAllText(patch, "created and deleted\n\n" + created + deleted);
            Tools.GitApply(work, patch);
            Assert.Equal("a: 1\n", File.ReadAllText(Path.Combine(work, "new.yml")));
            Assert.False(File.Exists(Path.Combine(work, "old.sh")));
            File.Delete(patch);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void Nearby_changes_share_a_hunk_and_distant_ones_do_not()
    {
        var before = string.Concat(Enumerable.Range(1, 30).Select(i => $"line {i}\n"));
        var near = before.Replace("line 5\n", "five\n", StringComparison.Ordinal).Replace("line 11\n", "eleven\n", StringComparison.Ordinal);
        var far = near.Replace("line 25\n", "twenty-five\n", StringComparison.Ordinal);
        var patch = Encoding.ASCII.GetString(PatchRenderer.RenderFile(new FilePatch("f", Encoding.ASCII.GetBytes(before), Encoding.ASCII.GetBytes(far))));
        Assert.Equal(2, patch.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
        Assert.Contains("@@ -2,13 +2,13 @@", patch, StringComparison.Ordinal);
        Assert.Contains("@@ -22,7 +22,7 @@", patch, StringComparison.Ordinal);
    }

    private static void ApplyRoundTrip(string path, byte[] before, byte[] after)
    {
        var body = PatchRenderer.RenderFile(new FilePatch(path, before, after));
        if (before.AsSpan().SequenceEqual(after))
        {
            Assert.Empty(body);
            return;
        }

        var work = Tools.TempDirectory();
        try
        {
            var repo = Path.Combine(work, "repo");
            var file = Path.Combine(repo, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, before);
            var patchFile = Path.Combine(work, "change.patch");
            File.WriteAllBytes(patchFile, PatchRenderer.Render("A property test.\n--- not a header\n", [new FilePatch(path, before, after)]));
            Tools.GitApply(repo, patchFile);
            var result = File.ReadAllBytes(file);
            Assert.True(result.AsSpan().SequenceEqual(after), $"git apply gave {Show(result)} instead of {Show(after)} from {Show(before)}; patch:\n{Encoding.Latin1.GetString(body)}");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Show(byte[] bytes) => "\"" + Encoding.UTF8.GetString(bytes).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static byte[] Bytes(List<(string Text, string Break)> lines, bool bom, bool finalBreak)
    {
        var b = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
            b.Append(lines[i].Text).Append(i == lines.Count - 1 && !finalBreak ? "" : lines[i].Break);
        var text = Encoding.UTF8.GetBytes(b.ToString());
        return bom ? [0xEF, 0xBB, 0xBF, .. text] : text;
    }
}
