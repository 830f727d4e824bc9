
#pragma warning disable RS0030 // Patches/ reads the files a patch edits and writes the patch set (BannedSymbols.IO.txt)
namespace Consolidate.Rewriters.Patches;

/// <summary>
/// Writes a patch set into <c>DIR</c>: the patches, manifest.json and SUMMARY.md go to a temp folder beside DIR, which
/// is then renamed into place, so DIR holds the old set or the new one, never half. Nothing in the repository changes.
/// </summary>
public static class PatchSetWriter
{
    public const string ManifestName = "manifest.json";
    public const string SummaryName = "SUMMARY.md";

    public static void Write(PatchSet set, string directory)
    {
        var target = Path.GetFullPath(directory).TrimEnd('/');
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        string? old = null;
        try
        {
            Directory.CreateDirectory(temp);
            foreach (var patch in set.Patches)
                WriteFile(Path.Combine(temp, patch.FileName), patch.Content);
            WriteFile(Path.Combine(temp, ManifestName), ManifestWriter.Write(set));
            WriteFile(Path.Combine(temp, SummaryName), SummaryWriter.Write(set));

            if (Directory.Exists(target))
            {
                old = temp + ".old";
                Directory.Move(target, old);
            }

            Directory.Move(temp, target);
        }
        finally
        {
            if (Directory.Exists(temp))
                Directory.Delete(temp, recursive: true);
            if (old is not null && Directory.Exists(old))
            {
                if (Directory.Exists(target))
                    Directory.Delete(old, recursive: true);
                else
                    Directory.Move(old, target);
            }
        }
    }

    private static void WriteFile(string path, byte[] content)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }
}
