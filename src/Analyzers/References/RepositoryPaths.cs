using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Consolidate.Analyzers.References;

/// <summary>
/// The set of repo-relative file paths (every file the scan listed, skipped ones included) and the folders they imply,
/// with path arithmetic that never leaves the repository.
/// </summary>
public sealed class RepositoryPaths
{
    private readonly ImmutableHashSet<string> files;
    private readonly FrozenSet<string> fileLookup;
    private readonly FrozenSet<string> directories;

    public RepositoryPaths(IEnumerable<string> paths)
    {
        files = paths.ToImmutableHashSet(StringComparer.Ordinal);
        var dirs = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        dirs.Add("");
        foreach (var path in files)
        {
            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
            {
                if (!dirs.Add(path[..slash]))
                    break;
            }
        }

        directories = dirs.ToFrozenSet(StringComparer.Ordinal);
        fileLookup = files.ToFrozenSet(StringComparer.Ordinal);
#if NET
        FileLookup = fileLookup.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
    }

#if NET
    /// <summary>File lookups by a path held in a buffer (no string made to ask).</summary>
    internal FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FileLookup { get; }
#endif

    public IEnumerable<string> Files => files;

    public bool IsFile(string path) => fileLookup.Contains(path);

    public bool IsDirectory(string path) => directories.Contains(path);

    public bool Exists(string path) => IsFile(path) || IsDirectory(path);

    public static string DirectoryOf(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : "";

    /// <summary>
    /// Joins a folder and a relative path, resolving "." and ".."; null when the result would leave the repository.
    /// A leading "/" is not allowed here (absolute paths are mapped by the caller).
    /// </summary>
    public static string? Combine(string directory, string relative)
    {
        if (IsPlain(relative))
            return directory.Length == 0 ? relative : directory + "/" + relative;

        var parts = new List<string>();
        if (directory.Length > 0)
            parts.AddRange(directory.Split('/'));
        foreach (var part in relative.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".")
                continue;
            if (part == "..")
            {
                if (parts.Count == 0)
                    return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    /// <summary>A relative path with nothing to resolve: no empty, "." or ".." segment, no backslash.</summary>
    private static bool IsPlain(string relative)
    {
        if (relative.Length == 0 || relative[0] == '/' || relative[^1] == '/' || relative.Contains('\\') || relative.Contains("//", StringComparison.Ordinal))
            return false;
        for (var dot = relative.IndexOf('.'); dot >= 0; dot = relative.IndexOf('.', dot + 1))
        {
            var segmentStart = dot == 0 || relative[dot - 1] == '/';
            var next = dot + 1 < relative.Length ? relative[dot + 1] : '/';
            if (segmentStart && (next == '/' || (next == '.' && (dot + 2 >= relative.Length || relative[dot + 2] == '/'))))
                return false;
        }

        return true;
    }

    /// <summary>Files below a folder ("" for all).</summary>
    public IEnumerable<string> FilesUnder(string directory) =>
        directory.Length == 0 ? files : files.Where(f => f.Length > directory.Length && f[directory.Length] == '/' && f.StartsWith(directory, StringComparison.Ordinal));
}
