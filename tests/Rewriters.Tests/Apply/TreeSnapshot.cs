using System.Security.Cryptography;

namespace Consolidate.Rewriters.Tests.Apply;

/// <summary>
/// Every file (sha256 and mode) and folder (mode) of a tree, by relative path, leaving out .git and .consolidate:
/// two snapshots are equal when the trees are equal in content, in modes and in which files and folders exist.
/// </summary>
internal static class TreeSnapshot
{
    public static SortedDictionary<string, string> Of(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Walk(root, root, result);
        return result;
    }

    /// <summary>A short description of how two snapshots differ, for assertion messages.</summary>
    public static string Difference(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual) =>
        string.Join("; ", expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal)
            .Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .Select(k => $"{k}: {expected.GetValueOrDefault(k) ?? "(absent)"} vs {actual.GetValueOrDefault(k) ?? "(absent)"}"));

    private static void Walk(string root, string folder, SortedDictionary<string, string> result)
    {
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            var relative = Path.GetRelativePath(root, entry.FullName);
            if (relative is ".git" or ".consolidate")
                continue;
            var mode = Convert.ToString((int)File.GetUnixFileMode(entry.FullName), 8);
            if (entry.LinkTarget is { } link)
                result[relative] = $"link -> {link}";
            else if (entry is DirectoryInfo)
            {
                result[relative + "/"] = $"dir {mode}";
                Walk(root, entry.FullName, result);
            }
            else
                result[relative] = $"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(entry.FullName)))[..16]} {mode}";
        }
    }
}
