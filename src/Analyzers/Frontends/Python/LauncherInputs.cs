using System.Security.Cryptography;
using System.Text;

#pragma warning disable RS0030 // reads what pyenv reads to choose an interpreter, outside the repository (BannedSymbols.IO.txt)

namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// A key of everything pyenv reads when its <c>python3</c> shim chooses an interpreter, so the choice can be
/// remembered (<see cref="IInterpreterMemo"/>): behind the shim every start runs pyenv's bash scripts, about half a
/// second of CPU, before Python itself starts. pyenv picks the version from <c>PYENV_VERSION</c>, else the first
/// <c>.python-version</c> file from its directory (<c>PYENV_DIR</c>, else the working directory, which for the workers
/// is a fresh folder of their own in the temp folder) up to the file system's root, else <c>$PYENV_ROOT/version</c>; a version
/// name is resolved against the installed versions, and <c>system</c> against <c>PATH</c>. The key covers all of
/// these, the shim file itself and the installed versions' names, so <c>pyenv global</c>, <c>pyenv shell</c>, an
/// install or an uninstall each give a new key. Other launchers are not recognized: their key is null, and they are
/// started as they are on every run.
/// </summary>
public static class LauncherInputs
{
    private const int ShimHeadBytes = 4096;

    /// <summary>
    /// The key of <paramref name="command"/> (a name looked up on PATH, or a path) when it is a pyenv shim, else null.
    /// <paramref name="workingDirectory"/> is where pyenv's search for <c>.python-version</c> starts (unless
    /// <c>PYENV_DIR</c> says otherwise).
    /// </summary>
    public static string? Key(string command, string workingDirectory)
    {
        try
        {
            if (Resolve(command) is not { } shim || Path.GetDirectoryName(shim) is not { } shims || Path.GetFileName(shims) != "shims")
                return null;
            var pyenvRoot = Path.GetDirectoryName(shims)!;
            var versions = Path.Combine(pyenvRoot, "versions");
            if (!Directory.Exists(versions) || !HeadMentionsPyenv(shim))
                return null;

            var shimInfo = new FileInfo(shim);
            var material = new StringBuilder("consolidate-analyze pyenv launcher 1\n");
            Line(material, command);
            Line(material, $"{shim} {shimInfo.Length} {shimInfo.LastWriteTimeUtc.Ticks}");
            foreach (var variable in new[] { "PYENV_VERSION", "PYENV_ROOT", "PYENV_DIR", "PYENV_HOOK_PATH", "PATH" })
                Line(material, $"{variable}={Environment.GetEnvironmentVariable(variable)}");
            var directory = Environment.GetEnvironmentVariable("PYENV_DIR") is { Length: > 0 } pyenvDirectory ? pyenvDirectory : workingDirectory;
            for (var folder = Path.GetFullPath(directory); folder is not null; folder = Path.GetDirectoryName(folder))
                Line(material, $"{folder}: {ContentOrAbsent(Path.Combine(folder, ".python-version"))}");
            Line(material, $"global: {ContentOrAbsent(Path.Combine(pyenvRoot, "version"))}");
            var installed = Directory.EnumerateFileSystemEntries(versions).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal);
            Line(material, "versions: " + string.Join(" ", installed));
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(material.ToString())));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The file <paramref name="command"/> runs: itself when it names a path, else the first match on PATH.</summary>
    internal static string? Resolve(string command)
    {
        if (command.Contains('/', StringComparison.Ordinal))
            return File.Exists(command) ? Path.GetFullPath(command) : null;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, command);
            if (File.Exists(candidate))
                return Path.GetFullPath(candidate);
        }

        return null;
    }

    /// <summary>pyenv's shims are short scripts that exec <c>libexec/pyenv</c>; a binary named like one is not a shim.</summary>
    private static bool HeadMentionsPyenv(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[ShimHeadBytes];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head.AsSpan(0, read).StartsWith("#!"u8) && head.AsSpan(0, read).IndexOf("pyenv"u8) >= 0;
    }

    private static string ContentOrAbsent(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : "-";

    private static void Line(StringBuilder material, string line) => material.Append(line).Append('\n');
}
