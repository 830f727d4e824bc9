#pragma warning disable RS0030 // the parse cache owns .consolidate/cache (BannedSymbols.IO.txt)

namespace Consolidate.Analyzers.Caching;

/// <summary>
/// Reading and replacing the small files beside the pack (similarities, the interpreter memo).
/// <para>Whether a file in the cache folder may be opened: the folder is inside the scanned repository, which could
/// carry a symbolic link or a named pipe where a cache file goes, and reading through a link to a device, or opening a
/// pipe, could block the scan or read without end. .NET cannot tell a pipe or device from a file, but reports their
/// size as 0, which no cache file has; such a file counts as damaged (the cache writes a real one over it).</para>
/// </summary>
internal static class CacheFile
{
    /// <summary>A regular file of 1 to <paramref name="maxLength"/> bytes, not a link.</summary>
    public static bool IsPlain(string path, long maxLength = long.MaxValue)
    {
        var info = new FileInfo(path);
        return info.Exists && info.LinkTarget is null && info.Length > 0 && info.Length <= maxLength;
    }

    /// <summary>
    /// Writes <paramref name="data"/> as <paramref name="fileName"/> in <paramref name="folder"/>: whole to a temporary
    /// file of this process, then renamed over the old one, so a reader sees the old file or the new one, never a part.
    /// </summary>
    public static void Replace(string folder, string fileName, byte[] data)
    {
        var temporary = Path.Combine(folder, $"{fileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, data);
            File.Move(temporary, Path.Combine(folder, fileName), overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }
}
