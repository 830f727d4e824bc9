using System.Diagnostics;
using System.Text.Json;

namespace Consolidate.Cli.Tests.Support;

/// <summary>
/// Runs <c>@microsoft/sarif-multitool validate</c> (npm, pinned in Tools/sarif/package-lock.json), installed once per
/// machine into obj/ with <c>npm ci --ignore-scripts</c>; the executable bit its install script would set is set here.
/// </summary>
public static class SarifValidator
{
    private static readonly Lazy<string> Executable = new(Install);

    /// <summary>The validator's findings as (level, ruleId, message); errors mean the SARIF is invalid.</summary>
    public static IReadOnlyList<(string Level, string RuleId, string Message)> Validate(string sarifPath)
    {
        var output = Path.Combine(Path.GetTempPath(), $"sarif-validation-{Guid.NewGuid():N}.sarif");
        try
        {
            var (code, stdout, stderr) = Exec(Executable.Value, Path.GetDirectoryName(sarifPath)!, "validate", sarifPath, "-o", output);
            Assert.True(File.Exists(output), $"validator wrote no output (exit {code}): {stdout}{stderr}");
            using var log = JsonDocument.Parse(File.ReadAllText(output));
            return log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => (
                    r.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
                    r.GetProperty("ruleId").GetString()!,
                    r.GetProperty("message").TryGetProperty("text", out var text) ? text.GetString()! : string.Join(",", r.GetProperty("message").GetProperty("arguments").EnumerateArray())))
                .ToList();
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static string Install()
    {
        var source = Path.Combine(RepoPaths.Root, "tests", "Cli.Tests", "Tools", "sarif");
        var target = Path.Combine(RepoPaths.Root, "tests", "Cli.Tests", "obj", "sarif-multitool");
        var executable = Path.Combine(target, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
        var stamp = Path.Combine(target, "installed.lock");
        var lockText = File.ReadAllText(Path.Combine(source, "package-lock.json"));
        if (!File.Exists(executable) || !File.Exists(stamp) || File.ReadAllText(stamp) != lockText)
        {
            Directory.CreateDirectory(target);
            foreach (var name in new[] { "package.json", "package-lock.json", ".npmrc" })
                File.Copy(Path.Combine(source, name), Path.Combine(target, name), overwrite: true);
            var (code, stdout, stderr) = Exec("npm", target, "ci", "--ignore-scripts", "--no-audit", "--no-fund");
            Assert.True(code == 0, $"npm ci for the SARIF validator failed: {stdout}{stderr}");
            File.WriteAllText(stamp, lockText);
        }

        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(executable, File.GetUnixFileMode(executable) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return executable;
    }

    private static (int Code, string Stdout, string Stderr) Exec(string file, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }
}
