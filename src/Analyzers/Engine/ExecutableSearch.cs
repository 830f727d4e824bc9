#pragma warning disable RS0030 // finds the programs the tool starts: Python for its workers, git (BannedSymbols.IO.txt)

namespace Consolidate.Analyzers.Engine;

/// <summary>
/// Where a command runs from, as a shell finds it: a name with a folder in it is that file; a bare name is the first
/// executable file of that name in a <c>PATH</c> folder, and nothing else. .NET's <c>Process.Start</c> would also try
/// the tool's own folder and the current folder first, so a repository scanned from its root with a file named
/// <c>python3</c> or <c>git</c> at the top would have that file run; the tool starts the file found here instead.
/// </summary>
public static class ExecutableSearch
{
    /// <summary>The full path <paramref name="command"/> runs, or null when there is none.</summary>
    public static string? Resolve(string command) => Resolve(command, Environment.GetEnvironmentVariable("PATH"));

    /// <summary>The same against <paramref name="path"/> (the value of <c>PATH</c>), for tests.</summary>
    public static string? Resolve(string command, string? path)
    {
        if (command.Length == 0)
            return null;
        if (command.IndexOfAny(['/', '\\']) >= 0)
            return Names(command).FirstOrDefault(File.Exists) is { } file ? Path.GetFullPath(file) : null;

        foreach (var folder in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            // A relative PATH entry would be the current folder again: only absolute folders count.
            if (!Path.IsPathFullyQualified(folder))
                continue;
            foreach (var name in Names(command))
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate) && IsExecutable(candidate))
                    return candidate;
            }
        }

        return null;
    }

    /// <summary>The file names a command may have: on Windows also with <c>.exe</c>, which it may leave out.</summary>
    private static string[] Names(string command) => OperatingSystem.IsWindows() ? [command, command + ".exe"] : [command];

    private static bool IsExecutable(string file)
    {
        if (OperatingSystem.IsWindows())
            return true;
        try
        {
            return (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // gone since File.Exists, or not ours to look at: not a program to start
        }
    }
}
