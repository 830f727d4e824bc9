using System.Text;

#pragma warning disable RS0030 // the parse cache owns .consolidate/cache (BannedSymbols.IO.txt)

namespace Consolidate.Analyzers.Caching;

/// <summary>
/// The cache's <c>interpreter.txt</c>: which interpreter a version manager's launcher chose last time
/// (<see cref="Frontends.Python.IInterpreterMemo"/>), three lines: a format line, the launcher's key
/// (<see cref="Frontends.Python.LauncherInputs"/>) and the executable. A file that does not read exactly so is not
/// used; it is written whole to a temporary file and renamed over the old one.
/// </summary>
internal static class InterpreterMemoStore
{
    internal const string FileName = "interpreter.txt";

    private const string FormatLine = "consolidate-analyze interpreter memo 1";

    /// <summary>Far more than a key and a path: a bigger file is not this one.</summary>
    private const int MaxLength = 8192;

    /// <summary>The executable stored in <paramref name="folder"/> for <paramref name="key"/>; null when missing, damaged or another key's.</summary>
    public static string? Load(string folder, string key)
    {
        try
        {
            var path = Path.Combine(folder, FileName);
            if (!CacheFile.IsPlain(path, MaxLength))
                return null;
            var lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
            return lines is [FormatLine, var storedKey, var executable, ""] && storedKey == key && Path.IsPathFullyQualified(executable)
                ? executable
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void Save(string folder, string key, string executable)
    {
        if (key.Contains('\n', StringComparison.Ordinal) || executable.Contains('\n', StringComparison.Ordinal))
            return;
        CacheFile.Replace(folder, FileName, Encoding.UTF8.GetBytes($"{FormatLine}\n{key}\n{executable}\n"));
    }
}
