
#pragma warning disable RS0030 // Validation/ owns the scratch copy and its git (BannedSymbols.IO.txt)
namespace Consolidate.Rewriters.Validation;

/// <summary>
/// Keeps every change inside the repository: a patch path must be relative, forward-slashed, free of '.' and '..'
/// segments, and no existing folder or file on its way may be a symbolic link (which could point outside).
/// </summary>
public static class PathGuard
{
    /// <summary>Why <paramref name="relativePath"/> may not be changed, or null when it may.</summary>
    public static string? Problem(string root, string relativePath)
    {
        if (relativePath.Length == 0 || relativePath.Contains('\0') || relativePath.Contains('\\'))
            return "not a plain repository path";
        if (relativePath.StartsWith('/') || Path.IsPathRooted(relativePath))
            return "an absolute path leaves the repository";
        var segments = relativePath.Split('/');
        if (segments.Any(s => s is "" or "." or ".."))
            return "a path with '.', '..' or empty segments may leave the repository";
        if (segments[0] == ".git")
            return "a path inside .git";

        var full = Path.GetFullPath(root);
        var current = full;
        foreach (var segment in segments)
        {
            current = Path.Combine(current, segment);
            var info = new FileInfo(current);
            if (!info.Exists && !Directory.Exists(current))
                break;
            if (info.LinkTarget is not null || new DirectoryInfo(current).LinkTarget is not null)
                return $"'{Path.GetRelativePath(full, current).Replace('\\', '/')}' is a symbolic link, which may lead out of the repository";
        }

        var resolved = Path.GetFullPath(Path.Combine(full, relativePath));
        return resolved.StartsWith(full.TrimEnd('/') + "/", StringComparison.Ordinal) ? null : "the path resolves outside the repository";
    }
}
