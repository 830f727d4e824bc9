using System.Collections.Immutable;
using System.Security.Cryptography;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Model;

#pragma warning disable RS0030 // Patches/ reads the files a patch edits and writes the patch set (BannedSymbols.IO.txt)

namespace Consolidate.Rewriters.Patches;

/// <summary>Reads the <see cref="DiskFile"/> facts a family needs: here, every member of a file-scope clone class.</summary>
public static class DiskFiles
{
    public static ImmutableDictionary<string, DiskFile> Read(string root, RepositoryModel model)
    {
        var result = ImmutableDictionary.CreateBuilder<string, DiskFile>(StringComparer.Ordinal);
        foreach (var path in model.Clusters.Where(c => c.Scope == CloneScope.File).SelectMany(c => c.Members).Select(m => m.Path).Distinct(StringComparer.Ordinal))
        {
            var full = Path.Combine(root, path);
            var info = new FileInfo(full);
            if (!info.Exists || info.LinkTarget is not null)
                continue;
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(full)));
            var executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(full) & UnixFileMode.UserExecute) != 0;
            result[path] = new DiskFile(hash, executable);
        }

        return result.ToImmutable();
    }
}
