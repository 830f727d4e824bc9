using Consolidate.Cli;
using Consolidate.Rewriters.Tests.Apply;

namespace Consolidate.Rewriters.Tests.Cli;

/// <summary>
/// The tool reads user code and never runs it. A copy of samples/ where every shell script, Python module, Makefile
/// recipe and Python start-up hook (sitecustomize, .pth, conftest, setup.py) would leave a file in a canary folder
/// outside the repository if it ran or were imported; every command a user runs (scan in all formats, refs, fix with
/// unsafe fixes, apply, checkpoints, rollback) goes through it, and the canary folder stays empty.
/// </summary>
public sealed class NeverExecutesTests
{
    [Fact]
    public void No_command_runs_or_imports_a_file_of_the_repository()
    {
        using var f = ApplyFixture.FromSamples();
        var canary = Path.Combine(f.Work, "canary");
        Directory.CreateDirectory(canary);
        var py = $"\nimport pathlib as _canary_pathlib\n_canary_pathlib.Path({Quote(canary)}, 'py-' + __name__).touch()\n";

        foreach (var file in Directory.EnumerateFiles(f.Repo, "*", SearchOption.AllDirectories).Where(p => !p.Contains("/.git/", StringComparison.Ordinal)))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".sh", StringComparison.Ordinal))
                File.AppendAllText(file, $"\ntouch {Quote(canary)}/sh-{name}\n");
            else if (name.EndsWith(".py", StringComparison.Ordinal))
                File.AppendAllText(file, py);
        }

        f.Write("sitecustomize.py", py, "644");
        f.Write("usercustomize.py", py, "644");
        f.Write("conftest.py", py, "644");
        f.Write("setup.py", py, "755");
        f.Write("canary.pth", $"import pathlib; pathlib.Path({Quote(canary)}, 'pth').touch()\n", "644");
        f.Write("Makefile", $"all:\n\ttouch {Quote(canary)}/make\n", "644");
        f.Write("tools/run-me", $"#!/bin/sh\ntouch {Quote(canary)}/shebang\n", "755");
        f.Commit();

        var set = Path.Combine(f.Work, "set");
        Assert.All(
            new[]
            {
                Run("scan", f.Repo, "--format", "json", "--fail-on", "none"),
                Run("scan", f.Repo, "--format", "sarif", "--fail-on", "none"),
                Run("scan", f.Repo, "--format", "markdown", "--fail-on", "none"),
                Run("refs", f.Repo, "--from", "docker-compose.yml", "--depth", "5"),
                Run("fix", f.Repo, "--out", set, "--unsafe"),
                Run("apply", set, "--repo", f.Repo),
                Run("checkpoints", "--repo", f.Repo),
                Run("rollback", "--repo", f.Repo),
            },
            run => Assert.True(run.Code is 0 or 1, run.Output));

        Assert.Empty(Directory.EnumerateFileSystemEntries(canary));
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static (int Code, string Output) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, string.Join(' ', args) + "\n" + stderr + stdout);
    }
}
