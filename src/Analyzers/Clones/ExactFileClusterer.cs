using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Clones;

/// <summary>
/// Whole-file exact duplicates: files of a code language whose text is the same after normalizing line endings and
/// trailing white space (and dropping blank lines at the end). Files with fewer than <c>minLines</c> non-blank lines
/// are left out: an empty <c>__init__.py</c> in every package is not sprawl.
/// </summary>
public static class ExactFileClusterer
{
    public const int DefaultMinLines = 6;

    public static ImmutableArray<CloneCluster> Cluster(IEnumerable<FileModel> files, ImmutableArray<string> canonicalFolders, int minLines = DefaultMinLines)
    {
        var groups = new Dictionary<string, List<FileModel>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (file.Text is null || file.Language is Language.Other || file.Status is ParseStatus.Skipped or ParseStatus.Failed)
                continue;
            var (normalized, nonBlank) = Normalize(file.Text.Text);
            if (nonBlank < minLines)
                continue;
            var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
            if (!groups.TryGetValue(key, out var list))
                groups[key] = list = [];
            list.Add(file);
        }

        var clusters = ImmutableArray.CreateBuilder<CloneCluster>();
        foreach (var (hash, list) in groups)
        {
            if (list.Count < 2)
                continue;
            var members = list
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .Select(f => new CloneMember(f.Path, 1, Math.Max(1, f.Lines), null))
                .ToImmutableArray();
            var (canonical, reason) = CanonicalChooser.Choose(members, canonicalFolders);
            clusters.Add(new CloneCluster("file-" + hash[..12].ToLowerInvariant(), list[0].Language, CloneScope.File, CloneKind.Exact, 1.0, members, canonical, reason));
        }

        return clusters.OrderBy(c => c.Members[0].Path, StringComparer.Ordinal).ToImmutableArray();
    }

    internal static (string Text, int NonBlankLines) Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var nonBlank = 0;
        var pendingBlank = 0;
        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.TrimEnd(' ', '\t');
            if (line.Length == 0)
            {
                pendingBlank++;
                continue;
            }

            builder.Append('\n', pendingBlank);
            pendingBlank = 0;
            builder.Append(line).Append('\n');
            nonBlank++;
        }

        return (builder.ToString(), nonBlank);
    }
}
