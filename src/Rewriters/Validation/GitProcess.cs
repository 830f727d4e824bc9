using System.Diagnostics;
using Consolidate.Analyzers.Engine;

#pragma warning disable RS0030 // Validation/ owns the scratch copy and its git (BannedSymbols.IO.txt)

namespace Consolidate.Rewriters.Validation;

/// <summary>Runs git (only git, never a script of the repository) with a clean git environment and a timeout.</summary>
public static class GitProcess
{
    public static (int ExitCode, string Output) Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        // Found on PATH by the tool, never by Process.Start's own search, which tries the current folder first.
        var git = ExecutableSearch.Resolve("git") ?? throw new InvalidOperationException("git could not be started: not found on PATH");
        var start = new ProcessStartInfo(git)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var name in new[] { "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CEILING_DIRECTORIES", "GIT_CONFIG_PARAMETERS" })
            start.Environment.Remove(name);
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("git could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"git {string.Join(' ', arguments)} timed out after {timeout.TotalSeconds:0}s");
        }

        process.WaitForExit();
        return (process.ExitCode, (stdout.Result + stderr.Result).Trim());
    }
}
