using System.Text.Json;
using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Engine;

namespace Consolidate.Cli.Formatters;

/// <summary>
/// SARIF 2.1.0 for code scanning: the driver with every rule (id, name, descriptions, help link, default
/// configuration), one result per finding with its region, related locations for every other member of a clone class,
/// <c>partialFingerprints</c> that survive line moves, and suppressed findings kept with a <c>suppressions</c> entry.
/// URIs are relative to <c>%SRCROOT%</c>, each path segment percent-encoded.
/// </summary>
public static class SarifWriter
{
    public static void Write(Stream stream, AnalysisResult result, string toolVersion)
    {
        var rules = RuleCatalog.All.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "consolidate-analyze");
        json.WriteString("version", toolVersion);
        json.WriteString("semanticVersion", toolVersion);
        json.WriteString("informationUri", RuleCatalog.HelpBase.Replace("docs/rules/", "", StringComparison.Ordinal));
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", ToPascal(rule.Name));
            WriteMessage(json, "shortDescription", rule.Description);
            json.WriteString("helpUri", rule.HelpUri);
            json.WriteStartObject("defaultConfiguration");
            json.WriteBoolean("enabled", rule.DefaultSeverity != Severity.None);
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category.ToString().ToLowerInvariant());
            json.WriteString("kebabName", rule.Name);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject("SRCROOT");
        json.WriteString("uri", new Uri(Path.GetFullPath(result.Root).TrimEnd('/') + "/").AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteStartArray("results");
        foreach (var diagnostic in result.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", diagnostic.Rule.Id);
            json.WriteNumber("ruleIndex", rules.IndexOf(diagnostic.Rule));
            json.WriteString("level", Level(diagnostic.Severity));
            WriteMessage(json, "message", diagnostic.Message);
            json.WriteStartArray("locations");
            json.WriteStartObject();
            WritePhysical(json, diagnostic.Path, diagnostic.Line, diagnostic.Column, diagnostic.EndLine, diagnostic.EndColumn);
            json.WriteEndObject();
            json.WriteEndArray();
            if (!diagnostic.Related.IsEmpty)
            {
                json.WriteStartArray("relatedLocations");
                var id = 1;
                foreach (var related in diagnostic.Related)
                {
                    json.WriteStartObject();
                    json.WriteNumber("id", id++);
                    WritePhysical(json, related.Path, related.StartLine, null, related.EndLine, null);
                    WriteMessage(json, "message", related.Message);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteStartObject("partialFingerprints");
            json.WriteString("consolidateFingerprint/v1", Fingerprint.Of(diagnostic));
            json.WriteEndObject();
            if (diagnostic.Suppressed is not null)
            {
                json.WriteStartArray("suppressions");
                json.WriteStartObject();
                json.WriteString("kind", diagnostic.Suppressed == "in the baseline" ? "external" : "inSource");
                json.WriteString("justification", diagnostic.Suppressed);
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A repo-relative path as a relative URI reference: every segment percent-encoded.</summary>
    public static string RelativeUri(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static void WritePhysical(Utf8JsonWriter json, string path, int startLine, int? startColumn, int endLine, int? endColumn)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", RelativeUri(path));
        json.WriteString("uriBaseId", "SRCROOT");
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(1, startLine));
        if (startColumn is { } column && endColumn is { } end && (endLine > startLine || end > column))
        {
            json.WriteNumber("startColumn", column);
            json.WriteNumber("endLine", Math.Max(startLine, endLine));
            json.WriteNumber("endColumn", end);
        }
        else
        {
            json.WriteNumber("endLine", Math.Max(startLine, endLine));
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text.EndsWith('.') ? text : text + ".");
        json.WriteEndObject();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    private static string ToPascal(string kebab) => string.Concat(kebab.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
