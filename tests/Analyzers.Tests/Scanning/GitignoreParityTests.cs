using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Scanning;
using Consolidate.Tests.Support;

namespace Consolidate.Analyzers.Tests.Scanning;

/// <summary>The scanner must list exactly the files git lists as untracked-and-not-ignored: real git is the oracle.</summary>
public sealed class GitignoreParityTests
{
    [Fact]
    public void Scanner_sees_the_files_git_sees()
    {
        using var tree = new TempTree().InitGit();
        tree.Write(".gitignore", "*.log\n/build/\nnode_modules\n!keep.log\ndocs/**/*.tmp\n# comment\n\\#hash\ntrailing.txt   \n**/cache/\n");
        tree.Write("sub/.gitignore", "*.py\n!important.py\n/local.sh\n");
        tree.Write("deep/nested/.gitignore", "*\n!*.sh\n!*/\n");
        tree.Write(".git/info/exclude", "secret.env\n");
        foreach (var file in new[]
                 {
                     "a.py", "x.log", "keep.log", "build/out.sh", "src/build/out.sh", "node_modules/m.js", "pkg/node_modules/m.js",
                     "docs/a/b/c.tmp", "docs/c.tmp", "#hash", "trailing.txt", "x/cache/y.sh", "sub/a.py", "sub/important.py",
                     "sub/local.sh", "sub/inner/local.sh", "deep/nested/run.sh", "deep/nested/notes.md", "deep/nested/more/x.sh",
                     "secret.env", "sub/secret.env",
                 })
        {
            tree.Write(file, "x\n");
        }

        var expected = tree.Git("ls-files", "--others", "--exclude-standard").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();
        var actual = new RepositoryScanner(new ScanOptions()).Scan(tree.Root, CancellationToken.None).Select(f => f.Path).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(expected, actual);
        Assert.Contains("keep.log", actual);
        Assert.DoesNotContain("sub/a.py", actual);
        Assert.Contains("sub/inner/local.sh", actual);
    }

    [Fact]
    public void Scanning_a_subfolder_honours_gitignore_files_above_it()
    {
        using var tree = new TempTree().InitGit();
        tree.Write(".gitignore", "*.generated.sh\n");
        tree.Write("app/run.sh", "echo run\n").Write("app/x.generated.sh", "echo gen\n");

        var files = new RepositoryScanner(new ScanOptions()).Scan(tree.PathOf("app"), CancellationToken.None);

        Assert.Equal(["run.sh"], files.Select(f => f.Path));
    }

    [Fact]
    public void Outside_a_git_repository_gitignore_files_still_count()
    {
        using var tree = new TempTree();
        tree.Write(".gitignore", "ignored/\n").Write("ignored/a.sh", "x\n").Write("kept.sh", "x\n");

        var files = new RepositoryScanner(new ScanOptions()).Scan(tree.Root, CancellationToken.None);

        Assert.Equal([".gitignore", "kept.sh"], files.Select(f => f.Path));
    }

    [Fact]
    public void Excluded_files_are_listed_as_skipped_with_the_glob()
    {
        using var tree = new TempTree();
        tree.Write("archive/old.sh", "echo old\n").Write("new.sh", "echo new\n");

        var files = new RepositoryScanner(new ScanOptions { Excludes = ["archive/**"] }).Scan(tree.Root, CancellationToken.None);

        var old = Assert.Single(files, f => f.Path == "archive/old.sh");
        Assert.Equal(ParseStatus.Skipped, old.Status);
        Assert.Equal("excluded by 'archive/**'", old.Reason);
        Assert.Null(old.Document);
        Assert.Equal(ParseStatus.Ok, Assert.Single(files, f => f.Path == "new.sh").Status);
    }
}
