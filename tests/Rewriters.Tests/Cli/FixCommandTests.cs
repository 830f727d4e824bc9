using Consolidate.Cli;
using Consolidate.Rewriters.Tests.Support;

namespace Consolidate.Rewriters.Tests.Cli;

public sealed class FixCommandTests
{
    [Fact]
    public void Writes_the_patch_set_and_leaves_the_repository_alone()
    {
        var work = Tools.TempDirectory();
        try
        {
            var repo = Path.Combine(work, "repo");
            Tools.CopyTree(Path.Combine(Tools.RepositoryPath("tests/Fixtures"), "banned-terms", "input"), repo);
            var before = Tools.Snapshot(repo);
            var (code, stdout, stderr) = Run("fix", repo, "--out", Path.Combine(work, "out"));
            Assert.True(code == 0, stderr);
            Assert.Contains("01-banned-terms.patch", stdout, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(work, "out", "manifest.json")));
            Assert.True(File.Exists(Path.Combine(work, "out", "SUMMARY.md")));
            Assert.True(File.Exists(Path.Combine(work, "out", "01-banned-terms.patch")));
            Assert.Equal(before, Tools.Snapshot(repo));

            (code, _, stderr) = Run("fix", repo, "--out", Path.Combine(work, "out"), "--only", "compose-resources");
            Assert.True(code == 0, stderr);
            Assert.False(File.Exists(Path.Combine(work, "out", "01-banned-terms.patch")), "the directory is replaced as a whole");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void Out_inside_the_repository_is_refused_unless_git_ignored()
    {
        var work = Tools.TempDirectory();
        try
        {
            var repo = Path.Combine(work, "repo");
            Tools.CopyTree(Path.Combine(Tools.RepositoryPath("tests/Fixtures"), "banned-terms", "input"), repo);
            Tools.Run(repo, "git", "init", "-q");
            var (code, _, stderr) = Run("fix", repo, "--out", Path.Combine(repo, "patches"));
            Assert.Equal(2, code);
            Assert.Contains("not git-ignored", stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(repo, "patches")));

            File.WriteAllText(Path.Combine(repo, ".gitignore"), "patches/\n");
            (code, _, stderr) = Run("fix", repo, "--out", Path.Combine(repo, "patches"));
            Assert.True(code == 0, stderr);
            Assert.True(File.Exists(Path.Combine(repo, "patches", "manifest.json")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Theory]
    [InlineData("--only", "no-such-family")]
    [InlineData("--config", "missing.yml")]
    public void Usage_and_config_errors_exit_2_and_write_nothing(string option, string value)
    {
        var work = Tools.TempDirectory();
        try
        {
            var repo = Path.Combine(work, "repo");
            Tools.CopyTree(Path.Combine(Tools.RepositoryPath("tests/Fixtures"), "banned-terms", "input"), repo);
            var (code, _, stderr) = Run("fix", repo, "--out", Path.Combine(work, "out"), option, value == "missing.yml" ? Path.Combine(work, value) : value);
            Assert.Equal(2, code);
            Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(work, "out")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void Missing_out_is_a_usage_error()
    {
        var (code, _, _) = Run("fix", ".");
        Assert.Equal(2, code);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
