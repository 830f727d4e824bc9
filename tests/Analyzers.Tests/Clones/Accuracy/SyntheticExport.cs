using System.Text;
using System.Text.Json;

namespace Consolidate.Analyzers.Tests.Clones.Accuracy;

/// <summary>
/// Writes a generated repository to a folder with its ground truth, <c>truth.json</c>: every planted class with its
/// name, language, scope, kind and members (path, 1-based inclusive lines). benchmarks/score-jscpd.py reads it.
/// </summary>
internal static class SyntheticExport
{
    public static void Write(SyntheticRepository repository, string root)
    {
        foreach (var (path, text) in repository.Files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, new UTF8Encoding(false));
        }

        var truth = repository.Classes.Select(c => new
        {
            name = c.Name,
            language = c.Language.ToString().ToLowerInvariant(),
            scope = c.Scope.ToString().ToLowerInvariant(),
            kind = c.Kind.ToString().ToLowerInvariant(),
            members = c.Members.Select(m => new { path = m.Path, startLine = m.StartLine, endLine = m.EndLine }),
        });
        File.WriteAllText(Path.Combine(root, "truth.json"), JsonSerializer.Serialize(truth, new JsonSerializerOptions { WriteIndented = true }));
    }
}
