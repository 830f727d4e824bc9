using System.Diagnostics;
using Consolidate.Analyzers.Engine;

namespace Consolidate.Rewriters.Tests.Support;

/// <summary>Runs git and patch(1) for the tests (the oracles a patch must satisfy) and copies trees.</summary>
internal static class Tools
{
    public static (int Code, string Output) Run(string workingDirectory, string program, params string[] arguments)
    {
        // Found on PATH as the tool finds git (GitProcessTests puts a decoy git in the current folder meanwhile).
        var start = new ProcessStartInfo(ExecutableSearch.Resolve(program) ?? program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment.Remove("GIT_DIR");
        start.Environment.Remove("GIT_WORK_TREE");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public static void GitApply(string directory, string patch, bool check = false)
    {
        var (code, output) = check ? Run(directory, "git", "apply", "--check", patch) : Run(directory, "git", "apply", patch);
        Assert.True(code == 0, $"git apply {(check ? "--check " : "")}{Path.GetFileName(patch)} failed: {output}");
    }

    public static void PatchP1(string directory, string patch, bool dryRun)
    {
        var (code, output) = dryRun
            ? Run(directory, "patch", "-p1", "--dry-run", "--batch", "-i", patch)
            : Run(directory, "patch", "-p1", "--batch", "--no-backup-if-mismatch", "-i", patch);
        Assert.True(code == 0, $"patch -p1 {(dryRun ? "--dry-run " : "")}< {Path.GetFileName(patch)} failed: {output}");
    }

    public static string TempDirectory() => Directory.CreateTempSubdirectory("consolidate-rewriters-tests-").FullName;

    public static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, directory)));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            if (file.Contains("/.git/", StringComparison.Ordinal))
                continue;
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            File.Copy(file, destination);
            File.SetUnixFileMode(destination, File.GetUnixFileMode(file));
        }
    }

    /// <summary>Every file of a tree with its bytes, by relative path (for comparing two trees).</summary>
    public static SortedDictionary<string, string> Snapshot(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/.git/", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToBase64String(File.ReadAllBytes(f))),
        StringComparer.Ordinal);

    /// <summary>The repository folder holding <paramref name="relative"/> (tests/Fixtures, samples), found upwards from the test binaries.</summary>
    public static string RepositoryPath(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
                return candidate;
        }

        throw new DirectoryNotFoundException($"'{relative}' not found above {AppContext.BaseDirectory}");
    }
}
