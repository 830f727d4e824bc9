namespace Consolidate.Cli.Formatters;

/// <summary>Writes a file so readers see the old bytes or the new ones, never half: a temp file beside it, flushed, renamed.</summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        if (IsDevice(full))
        {
            // /dev/null, /dev/stdout, /proc/self/fd/N: written in place. A rename would replace the device itself with
            // a regular file (as root, /dev/null for every program on the machine).
            using var device = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            write(device);
            return;
        }

        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    /// <summary>
    /// Whether the path is a device or process file rather than a file to replace: it, or the file its links lead to,
    /// is under /dev or /proc (.NET does not expose the file type; a FIFO elsewhere would be replaced, not written).
    /// </summary>
    internal static bool IsDevice(string fullPath)
    {
        if (IsUnder(fullPath))
            return true;
        try
        {
            var target = File.ResolveLinkTarget(fullPath, returnFinalTarget: true);
            return target is not null && IsUnder(target.FullName);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }

        static bool IsUnder(string path) =>
            !OperatingSystem.IsWindows() && (path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal));
    }
}
