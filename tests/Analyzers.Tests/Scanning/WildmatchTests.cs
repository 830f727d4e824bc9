using Consolidate.Analyzers.Scanning;

namespace Consolidate.Analyzers.Tests.Scanning;

public sealed class WildmatchTests
{
    [Theory]
    [InlineData("*.py", "a.py", true)]
    [InlineData("*.py", "dir/a.py", false)]
    [InlineData("**/a.py", "a.py", true)]
    [InlineData("**/a.py", "x/y/a.py", true)]
    [InlineData("x/**", "x/y/z", true)]
    [InlineData("x/**", "x", false)]
    [InlineData("x/**/z", "x/z", true)]
    [InlineData("x/**/z", "x/a/b/z", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "a/c", false)]
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("[!a-c]x", "bx", false)]
    [InlineData("[!a-c]x", "dx", true)]
    [InlineData("\\*x", "*x", true)]
    [InlineData("\\*x", "ax", false)]
    [InlineData("a**b", "axxb", true)]
    [InlineData("a**b", "a/b", false)]
    [InlineData("[[:digit:]]x", "7x", true)]
    [InlineData("[abc", "[abc", true)]
    public void Matches_like_git(string pattern, string path, bool expected) => Assert.Equal(expected, Wildmatch.IsMatch(pattern, path));
}
