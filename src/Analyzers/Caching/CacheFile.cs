#pragma warning disable RS0030 // the parse cache owns .consolidate/cache (BannedSymbols.IO.txt)

namespace Consolidate.Analyzers.Caching;

/// <summary>
/// Whether a file in the cache folder may be opened. The folder is inside the scanned repository, which could carry a
/// symbolic link or a named pipe where a cache file goes: reading through a link to a device, or opening a pipe, could
/// block the scan or read without end. .NET cannot tell a pipe or device from a file, but reports their size as 0,
/// which no cache file has; such a file counts as damaged (the cache writes a real one over it).
/// </summary>
internal static class CacheFile
{
    public static bool IsPlain(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && info.LinkTarget is null && info.Length > 0;
    }
}
