using System.Security.Cryptography;
using System.Text;
using Consolidate.Analyzers.Engine;

#pragma warning disable RS0030 // looks at what pyenv looks at to choose an interpreter, outside the repository (BannedSymbols.IO.txt)

namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// pyenv's <c>python3</c> shim, recognized so its choice of interpreter can be remembered across runs
/// (<see cref="IInterpreterMemo"/>): behind the shim every start runs pyenv's bash scripts, about half a second of CPU,
/// before Python itself starts. The key is a hash of the inputs of pyenv's choice (its <c>version-file</c>,
/// <c>version-name</c>, <c>which</c> and <c>exec</c> commands): <c>PYENV_VERSION</c>; the first regular
/// <c>.python-version</c> file from <c>PYENV_DIR</c> (relative to the working directory) up to the root, then from the
/// working directory up (for the workers, a fresh folder of their own in the temp folder); <c>$PYENV_ROOT/version</c>
/// (what <c>pyenv global</c> writes); the installed versions and whether each has the command; the hook scripts pyenv
/// runs (<c>PYENV_HOOK_PATH</c>, <c>$PYENV_ROOT/pyenv.d</c>, the system hook folders, plugins' <c>etc/pyenv.d</c>);
/// <c>PATH</c> (for the <c>system</c> version) and the shim file itself. Files count by size and modification time,
/// never by content: nothing is opened, so a named pipe or a device planted where a version file goes cannot block the
/// scan. A remembered interpreter is only ever used when it lies in pyenv's <c>versions</c> folder, where pyenv's own
/// choices are. Other launchers are not recognized and are started as they are on every run.
/// </summary>
internal static class LauncherInputs
{
    private const int ShimHeadBytes = 4096;
    private const int MaxHookFiles = 2000;

    private static readonly string[] SystemHookFolders = ["/usr/local/etc/pyenv.d", "/etc/pyenv.d", "/usr/lib/pyenv/hooks"];

    /// <summary>
    /// The launcher <paramref name="command"/> (a name looked up on PATH, or a path) is when it is a pyenv shim, else
    /// null. <paramref name="workingDirectory"/> is where pyenv's search for <c>.python-version</c> starts.
    /// </summary>
    public static PyenvLauncher? Of(string command, string workingDirectory)
    {
        try
        {
            if (ExecutableSearch.Resolve(command) is not { } shim || Path.GetDirectoryName(shim) is not { } shims || Path.GetFileName(shims) != "shims")
                return null;
            var pyenvRoot = Path.GetDirectoryName(shims)!;
            var versions = Path.Combine(pyenvRoot, "versions");
            if (!Directory.Exists(versions) || !IsPyenvShim(shim))
                return null;

            var material = new StringBuilder("consolidate-analyze pyenv launcher 2\n");
            Line(material, $"{command} -> {shim} {Stamp(shim)}");
            foreach (var variable in new[] { "PYENV_VERSION", "PYENV_ROOT", "PYENV_DIR", "PYENV_HOOK_PATH", "PATH" })
                Line(material, $"{variable}={Environment.GetEnvironmentVariable(variable)}");
            var working = Path.GetFullPath(workingDirectory);
            if (Environment.GetEnvironmentVariable("PYENV_DIR") is { Length: > 0 } pyenvDirectory)
                VersionFiles(material, Path.GetFullPath(pyenvDirectory, working));
            VersionFiles(material, working);
            Line(material, $"global {Stamp(Path.Combine(pyenvRoot, "version"))}");
            var commandName = Path.GetFileName(shim);
            foreach (var version in Directory.EnumerateDirectories(versions).OrderBy(v => v, StringComparer.Ordinal))
                Line(material, $"version {Path.GetFileName(version)} {Stamp(Path.Combine(version, "bin", commandName))}");
            if (!Hooks(material, pyenvRoot))
                return null;
            return new PyenvLauncher(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(material.ToString()))), versions);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>pyenv's shims are short scripts that exec <c>libexec/pyenv</c>; a binary named like one is not a shim.</summary>
    private static bool IsPyenvShim(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || info.Length is 0 or > ShimHeadBytes)
            return false;
        var head = File.ReadAllBytes(path);
        return head.AsSpan().StartsWith("#!"u8) && head.AsSpan().IndexOf("pyenv"u8) >= 0;
    }

    private static void VersionFiles(StringBuilder material, string start)
    {
        for (var folder = start; folder is not null; folder = Path.GetDirectoryName(folder))
            Line(material, $"{folder}/.python-version {Stamp(Path.Combine(folder, ".python-version"))}");
    }

    /// <summary>Every hook script pyenv could run; false when there are too many to list (no key then).</summary>
    private static bool Hooks(StringBuilder material, string pyenvRoot)
    {
        var folders = (Environment.GetEnvironmentVariable("PYENV_HOOK_PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(pyenvRoot, "pyenv.d"))
            .Concat(SystemHookFolders);
        var plugins = Path.Combine(pyenvRoot, "plugins");
        if (Directory.Exists(plugins))
            folders = folders.Concat(Directory.EnumerateDirectories(plugins).OrderBy(p => p, StringComparer.Ordinal).Select(p => Path.Combine(p, "etc", "pyenv.d")));
        var listed = 0;
        foreach (var folder in folders.Where(Path.IsPathFullyQualified).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                if (++listed > MaxHookFiles)
                    return false;
                Line(material, $"hook {file} {Stamp(file)}");
            }
        }

        return true;
    }

    /// <summary>Size and modification time, or "-" when there is no such file; the file is never opened.</summary>
    private static string Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? $"{info.Length} {info.LastWriteTimeUtc.Ticks} {info.LinkTarget}" : "-";
    }

    private static void Line(StringBuilder material, string line) => material.Append(line).Append('\n');
}

/// <summary>A recognized pyenv shim: the key of its inputs, and the folder its interpreters are installed in.</summary>
internal sealed record PyenvLauncher(string Key, string VersionsFolder)
{
    /// <summary>
    /// Whether <paramref name="executable"/> may be started in the shim's place: a <c>python*</c> file in a <c>bin</c>
    /// folder inside pyenv's <c>versions</c> folder, where every interpreter pyenv can choose is installed (a virtualenv
    /// there may link to one elsewhere, which only the user can set up). The memo is a file in the scanned repository,
    /// which could carry one naming any program; this keeps the choice among the interpreters pyenv could have started.
    /// </summary>
    public bool Accepts(string executable)
    {
        if (!Path.IsPathFullyQualified(executable))
            return false;
        var full = Path.GetFullPath(executable);
        return full.StartsWith(Path.TrimEndingDirectorySeparator(VersionsFolder) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && Path.GetFileName(Path.GetDirectoryName(full)) == "bin"
            && Path.GetFileName(full).StartsWith("python", StringComparison.Ordinal);
    }
}
