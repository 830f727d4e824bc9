using System.Text.Encodings.Web;
using System.Text.Json;
using Consolidate.Rewriters.Validation;

namespace Consolidate.Rewriters.Patches;

/// <summary>manifest.json (schema version 1, shared/contracts/patchset.md), written field by field so the bytes are stable.</summary>
public static class ManifestWriter
{
    public static byte[] Write(PatchSet set)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteString("repo", set.Repo);
            json.WriteStartObject("baseline");
            foreach (var (path, hash) in set.Baseline)
            {
                if (hash is null)
                    json.WriteNull(path);
                else
                    json.WriteString(path, hash);
            }

            json.WriteEndObject();
            json.WriteStartArray("patches");
            foreach (var patch in set.Patches)
            {
                json.WriteStartObject();
                json.WriteString("file", patch.FileName);
                json.WriteString("family", patch.Family);
                WriteStrings(json, "ruleIds", patch.RuleIds);
                WriteStrings(json, "files", patch.Files);
                json.WriteString("summary", patch.Summary);
                json.WriteStartArray("checks");
                foreach (var check in patch.Checks)
                {
                    json.WriteStartObject();
                    json.WriteString("name", check.Name);
                    json.WriteBoolean("passed", check.Passed);
                    json.WriteString("detail", check.Detail);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("refused");
            foreach (var refusal in set.Refused)
            {
                json.WriteStartObject();
                json.WriteString("family", refusal.Family);
                json.WriteString("path", refusal.Path);
                json.WriteNumber("line", refusal.Line);
                json.WriteString("reason", refusal.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("metrics");
            WriteMetrics(json, "before", set.Before);
            WriteMetrics(json, "after", set.After);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void WriteMetrics(Utf8JsonWriter json, string name, RepositoryMetrics metrics)
    {
        json.WriteStartObject(name);
        json.WriteNumber("files", metrics.Files);
        json.WriteNumber("dockerfiles", metrics.Dockerfiles);
        json.WriteNumber("scripts", metrics.Scripts);
        json.WriteNumber("clusters", metrics.Clusters);
        json.WriteNumber("findings", metrics.Findings);
        json.WriteNumber("danglingReferences", metrics.DanglingReferences);
        json.WriteStartObject("findingsByRule");
        foreach (var (rule, count) in metrics.FindingsByRule)
            json.WriteNumber(rule, count);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
