using System.Text;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Scanning;
using Consolidate.Tests.Support;

namespace Consolidate.Analyzers.Tests.Scanning;

public sealed class BadInputTests
{
    private static Dictionary<string, ScannedFile> Scan(TempTree tree, ScanOptions? options = null) =>
        new RepositoryScanner(options ?? new ScanOptions()).Scan(tree.Root, CancellationToken.None).ToDictionary(f => f.Path);

    [Fact]
    public void Utf8_bom_is_dropped_and_the_file_is_ok()
    {
        using var tree = new TempTree();
        tree.WriteBytes("bom.sh", [0xEF, 0xBB, 0xBF, .. "#!/bin/bash\necho hi\n"u8.ToArray()]);

        var file = Scan(tree)["bom.sh"];

        Assert.Equal(ParseStatus.Ok, file.Status);
        Assert.StartsWith("#!/bin/bash", file.Document!.Text.Text, StringComparison.Ordinal);
        Assert.Equal(Language.Shell, file.Language);
    }

    [Fact]
    public void Crlf_lines_are_counted_and_sliced_without_the_carriage_return()
    {
        using var tree = new TempTree();
        tree.Write("crlf.sh", "echo a\r\necho b\r\n");

        var file = Scan(tree)["crlf.sh"];

        Assert.Equal(ParseStatus.Ok, file.Status);
        Assert.Equal(2, file.Lines);
        Assert.Equal("echo b", file.Document!.Text.LineText(2));
    }

    [Fact]
    public void Latin1_is_read_as_latin1_and_recovered_with_the_line()
    {
        using var tree = new TempTree();
        tree.WriteBytes("latin1.py", [.. "x = 1\n# caf"u8.ToArray(), 0xE9, (byte)'\n']);

        var file = Scan(tree)["latin1.py"];

        Assert.Equal(ParseStatus.Recovered, file.Status);
        Assert.Equal("not valid UTF-8 (byte 0xE9 on line 2); read as Latin-1", file.Reason);
        Assert.Contains("café", file.Document!.Text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_named_sh_is_skipped()
    {
        using var tree = new TempTree();
        tree.WriteBytes("binary.sh", [0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 1, 2]);

        var file = Scan(tree)["binary.sh"];

        Assert.Equal(ParseStatus.Skipped, file.Status);
        Assert.Equal("binary (NUL byte at offset 4)", file.Reason);
    }

    [Fact]
    public void Empty_file_is_ok_with_zero_lines()
    {
        using var tree = new TempTree();
        tree.Write("empty.sh", "");

        var file = Scan(tree)["empty.sh"];

        Assert.Equal(ParseStatus.Ok, file.Status);
        Assert.Equal(0, file.Lines);
    }

    [Fact]
    public void Files_over_the_size_limit_are_skipped_with_both_sizes()
    {
        using var tree = new TempTree();
        tree.Write("big.py", new string('#', 3000) + "\n");

        var file = Scan(tree, new ScanOptions { MaxFileBytes = 2048 })["big.py"];

        Assert.Equal(ParseStatus.Skipped, file.Status);
        Assert.Equal("larger than the 2 KiB size limit (2.9 KiB)", file.Reason);
    }

    [Fact]
    public void Symlinks_outside_the_root_and_loops_are_skipped_never_followed()
    {
        using var outside = new TempTree();
        outside.Write("secret.sh", "echo secret\n");
        using var tree = new TempTree();
        tree.Write("real.sh", "echo real\n");
        File.CreateSymbolicLink(tree.PathOf("out.sh"), outside.PathOf("secret.sh"));
        File.CreateSymbolicLink(tree.PathOf("loop-a"), tree.PathOf("loop-b"));
        File.CreateSymbolicLink(tree.PathOf("loop-b"), tree.PathOf("loop-a"));
        File.CreateSymbolicLink(tree.PathOf("alias.sh"), tree.PathOf("real.sh"));
        Directory.CreateSymbolicLink(tree.PathOf("outdir"), outside.Root);

        var files = Scan(tree);

        Assert.Equal(ParseStatus.Skipped, files["out.sh"].Status);
        Assert.Contains("outside the repository", files["out.sh"].Reason, StringComparison.Ordinal);
        Assert.Contains("loop", files["loop-a"].Reason, StringComparison.Ordinal);
        Assert.Contains("scanned at its target", files["alias.sh"].Reason, StringComparison.Ordinal);
        Assert.Contains("outside the repository", files["outdir"].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(files.Keys, k => k.StartsWith("outdir/", StringComparison.Ordinal));
        Assert.Equal(ParseStatus.Ok, files["real.sh"].Status);
    }

    [Fact]
    public void Text_decoder_reports_utf16_with_bom()
    {
        var decoded = TextDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("echo\n")]);

        Assert.Equal("echo\n", decoded.Text);
        Assert.False(decoded.Recovered);
        Assert.False(TextDecoder.LooksBinary([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("echo\n")]));
    }
}
