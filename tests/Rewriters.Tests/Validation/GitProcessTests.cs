using Consolidate.Rewriters.Validation;

namespace Consolidate.Rewriters.Tests.Validation;

/// <summary>git is the one program the rewriters run, and only the one on PATH.</summary>
public sealed class GitProcessTests
{
    [Fact]
    public void A_git_in_the_current_folder_is_never_run()
    {
        // .NET's own search tries the current folder before PATH: a repository's "git" at the top would run when the
        // tool is started from the repository's root.
        var decoy = Path.Combine(Directory.GetCurrentDirectory(), "git");
        var log = Path.Combine(Directory.GetCurrentDirectory(), $"git-decoy-{Guid.NewGuid():N}.log");
        Assert.False(File.Exists(decoy), "a file named git is already in the test's current folder");
        File.WriteAllText(decoy, $"#!/bin/sh\necho ran >> '{log}'\necho 'git version decoy'\n");
        try
        {
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(decoy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            var (exitCode, output) = GitProcess.Run(Path.GetTempPath(), TimeSpan.FromSeconds(30), "--version");

            Assert.Equal(0, exitCode);
            Assert.StartsWith("git version", output, StringComparison.Ordinal);
            Assert.DoesNotContain("decoy", output, StringComparison.Ordinal);
            Assert.False(File.Exists(log), "the git in the current folder ran");
        }
        finally
        {
            File.Delete(decoy);
            File.Delete(log);
        }
    }
}
