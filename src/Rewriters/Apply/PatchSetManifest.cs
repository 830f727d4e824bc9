using System.Collections.Immutable;
using System.Text.Json;

namespace Consolidate.Rewriters.Apply;

/// <summary>
/// What <c>apply</c> needs from a patch set's manifest.json (shared/contracts/patchset.md, schema version 1): the
/// baseline (sha256 of every file the set touches, null for a file it creates) and the patches in apply order.
/// </summary>
public sealed record PatchSetManifest(string Directory, ImmutableSortedDictionary<string, string?> Baseline, ImmutableArray<PatchSetEntry> Patches)
{
    public const string FileName = "manifest.json";

    /// <summary>The manifest of the patch set in <paramref name="directory"/>, or null and why it cannot be used.</summary>
    public static (PatchSetManifest? Manifest, string? Problem) Load(IFileSystem fileSystem, string directory)
    {
        directory = Path.GetFullPath(directory);
        var path = Path.Combine(directory, FileName);
        if (!fileSystem.FileExists(path))
            return (null, $"{path}: no such file (apply takes the folder 'fix --out' wrote)");

        try
        {
            using var document = JsonDocument.Parse(fileSystem.ReadAllBytes(path));
            var root = document.RootElement;
            if (!root.TryGetProperty("schemaVersion", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 1)
                return (null, $"{path}: schemaVersion must be 1 (this tool reads patch-set version 1)");
            if (!root.TryGetProperty("baseline", out var baselineElement) || baselineElement.ValueKind != JsonValueKind.Object)
                return (null, $"{path}: 'baseline' must be an object of path -> sha256");
            if (!root.TryGetProperty("patches", out var patchesElement) || patchesElement.ValueKind != JsonValueKind.Array)
                return (null, $"{path}: 'patches' must be an array");

            var baseline = ImmutableSortedDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
            foreach (var entry in baselineElement.EnumerateObject())
            {
                if (entry.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    return (null, $"{path}: baseline '{entry.Name}' must be a sha256 string or null");
                baseline[entry.Name] = entry.Value.ValueKind == JsonValueKind.Null ? null : entry.Value.GetString();
            }

            var patches = ImmutableArray.CreateBuilder<PatchSetEntry>();
            foreach (var patch in patchesElement.EnumerateArray())
            {
                var file = patch.TryGetProperty("file", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString()! : null;
                if (file is null || file.Length == 0 || file.Contains('/') || file.Contains('\\') || file is "." or "..")
                    return (null, $"{path}: patches[{patches.Count}].file must be a file name inside the patch-set folder");
                var family = patch.TryGetProperty("family", out var fam) && fam.ValueKind == JsonValueKind.String ? fam.GetString()! : "";
                patches.Add(new PatchSetEntry(file, family, Strings(patch, "ruleIds"), Strings(patch, "files")));
            }

            return (new PatchSetManifest(directory, baseline.ToImmutable(), patches.ToImmutable()), null);
        }
        catch (JsonException e)
        {
            return (null, $"{path}: not valid JSON ({e.Message})");
        }
        catch (InvalidOperationException e)
        {
            return (null, $"{path}: unexpected value ({e.Message})");
        }
    }

    private static ImmutableArray<string> Strings(JsonElement patch, string name) =>
        patch.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Array
            ? values.EnumerateArray().Select(e => e.GetString() ?? "").ToImmutableArray()
            : [];
}
