using Consolidate.Rewriters.Apply;
using Consolidate.Rewriters.Tests.Support;

namespace Consolidate.Rewriters.Tests.Apply;

/// <summary>
/// The CLI as a child process, killed (SIGKILL, through <see cref="RealFileSystem.KillAfterWritesVariable"/>) right
/// after the N-th change of the working tree: the next commands see the checkpoint still in progress, and rollback restores the
/// original tree.
/// </summary>
public sealed class InterruptedApplyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void A_killed_apply_is_detected_and_rolled_back(int writes)
    {
        using var f = ApplyFixture.MultiFile();
        var original = TreeSnapshot.Of(f.Repo);

        var (code, output) = Cli(f, writes, "apply", f.Set, "--repo", f.Repo);
        Assert.True(code == 137, $"exit {code}, expected SIGKILL (137): {output}");
        var half = TreeSnapshot.Of(f.Repo);
        Assert.NotEqual(original, half);

        (_, output) = Cli(f, null, "scan", f.Repo);
        Assert.Contains("warning: an apply was interrupted", output, StringComparison.Ordinal);
        Assert.Contains("consolidate-analyze rollback ", output, StringComparison.Ordinal);

        (code, output) = Cli(f, null, "checkpoints", "--repo", f.Repo);
        Assert.Equal(0, code);
        Assert.Contains("in-progress", output, StringComparison.Ordinal);
        Assert.Contains("interrupted apply", output, StringComparison.Ordinal);

        (code, output) = Cli(f, null, "apply", f.Set, "--repo", f.Repo, "--allow-dirty");
        Assert.Equal(2, code);
        Assert.Contains("is in progress: an earlier apply was interrupted", output, StringComparison.Ordinal);
        Assert.Equal(half, TreeSnapshot.Of(f.Repo));

        (code, output) = Cli(f, null, "rollback", "--repo", f.Repo);
        Assert.True(code == 0, output);
        Assert.Contains("still in progress", output, StringComparison.Ordinal);
        var restored = TreeSnapshot.Of(f.Repo);
        Assert.True(original.SequenceEqual(restored), TreeSnapshot.Difference(original, restored));

        (code, output) = Cli(f, null, "apply", f.Set, "--repo", f.Repo);
        Assert.True(code == 0, output);
    }

    private static (int Code, string Output) Cli(ApplyFixture f, int? killAfterWrites, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = f.Work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "consolidate-analyze.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment.Remove(RealFileSystem.KillAfterWritesVariable);
        if (killAfterWrites is { } n)
            start.Environment[RealFileSystem.KillAfterWritesVariable] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
