using Consolidate.Rewriters.Tests.Support;
using Consolidate.Rewriters.Validation;

namespace Consolidate.Rewriters.Tests.Validation;

public sealed class PathGuardTests
{
    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("a/../../outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("./a.txt")]
    [InlineData(".git/config")]
    [InlineData("link/file.txt")]
    public void Paths_leaving_the_repository_are_rejected(string path)
    {
        var root = Tools.TempDirectory();
        var outside = Tools.TempDirectory();
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(root, "link"), outside);
            Assert.NotNull(PathGuard.Problem(root, path));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
            Directory.Delete(outside, recursive: true);
        }
    }

    [Theory]
    [InlineData("a.txt")]
    [InlineData("new/folder/file.yml")]
    [InlineData("with space/f.txt")]
    public void Plain_paths_inside_are_accepted(string path)
    {
        var root = Tools.TempDirectory();
        try
        {
            Assert.Null(PathGuard.Problem(root, path));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
