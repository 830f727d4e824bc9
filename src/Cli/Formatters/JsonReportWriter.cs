using System.Text.Json;
using Consolidate.Analyzers.Engine;

namespace Consolidate.Cli.Formatters;

/// <summary>
/// The scan report, schema version 1 (shared/contracts/report.schema.json), written field by field so the output is
/// byte-stable: files, clusters and diagnostics in path order. Suppressed findings are left out here (SARIF keeps them).
/// </summary>
public static class JsonReportWriter
{
    /// <summary>
    /// Hands what is written to the stream every 64 KiB: Utf8JsonWriter otherwise buffers the whole report, tens of
    /// megabytes for a large repository.
    /// </summary>
    private static void FlushEvery(Utf8JsonWriter json)
    {
        if (json.BytesPending > 1 << 16)
            json.Flush();
    }

    public static void Write(Stream stream, AnalysisResult result, string rootDisplay, string toolVersion)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", 1);
        json.WriteString("root", rootDisplay);
        json.WriteStartObject("tool");
        json.WriteString("name", "consolidate-analyze");
        json.WriteString("version", toolVersion);
        json.WriteEndObject();

        json.WriteStartArray("files");
        foreach (var file in result.Model.Files)
        {
            json.WriteStartObject();
            json.WriteString("path", file.Path);
            json.WriteString("language", ReportNames.Of(file.Language));
            json.WriteNumber("lines", file.Lines);
            json.WriteString("parse", ReportNames.Of(file.Status));
            if (file.Reason is null)
                json.WriteNull("reason");
            else
                json.WriteString("reason", file.Reason);
            json.WriteEndObject();
            FlushEvery(json);
        }

        json.WriteEndArray();

        json.WriteStartArray("clusters");
        foreach (var cluster in result.Model.Clusters)
        {
            json.WriteStartObject();
            json.WriteString("id", cluster.Id);
            json.WriteString("language", ReportNames.Of(cluster.Language));
            json.WriteString("scope", cluster.Scope.ToString().ToLowerInvariant());
            json.WriteString("kind", cluster.Kind.ToString().ToLowerInvariant());
            json.WriteNumber("similarity", Math.Round(cluster.Similarity, 4));
            json.WriteNumber("canonical", cluster.Canonical);
            json.WriteString("canonicalReason", cluster.CanonicalReason);
            json.WriteStartArray("members");
            foreach (var member in cluster.Members)
            {
                json.WriteStartObject();
                json.WriteString("path", member.Path);
                json.WriteNumber("startLine", member.StartLine);
                json.WriteNumber("endLine", member.EndLine);
                if (member.Symbol is null)
                    json.WriteNull("symbol");
                else
                    json.WriteString("symbol", member.Symbol);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            FlushEvery(json);
        }

        json.WriteEndArray();

        json.WriteStartArray("references");
        foreach (var reference in result.Model.References.References)
        {
            json.WriteStartObject();
            json.WriteString("source", reference.Source);
            json.WriteNumber("line", Math.Max(1, reference.Line));
            json.WriteString("target", reference.Target);
            json.WriteString("kind", ReportNames.Of(reference.Kind));
            json.WriteBoolean("resolved", reference.Resolved);
            json.WriteString("written", reference.Written);
            if (reference.Unknowable is not null)
                json.WriteString("unknowable", reference.Unknowable);
            if (reference.Detail is not null)
                json.WriteString("detail", reference.Detail);
            json.WriteEndObject();
            FlushEvery(json);
        }

        json.WriteEndArray();

        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in result.Reported)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", diagnostic.Rule.Id);
            json.WriteString("ruleName", diagnostic.Rule.Name);
            json.WriteString("severity", ReportNames.Of(diagnostic.Severity));
            json.WriteString("path", diagnostic.Path);
            json.WriteNumber("line", diagnostic.Line);
            json.WriteNumber("endLine", diagnostic.EndLine);
            json.WriteNumber("column", diagnostic.Column);
            json.WriteString("message", diagnostic.Message);
            json.WriteString("fingerprint", Fingerprint.Of(diagnostic));
            json.WriteString("helpUri", diagnostic.Rule.HelpUri);
            if (!diagnostic.Related.IsEmpty)
            {
                json.WriteStartArray("related");
                foreach (var related in diagnostic.Related)
                {
                    json.WriteStartObject();
                    json.WriteString("path", related.Path);
                    json.WriteNumber("startLine", related.StartLine);
                    json.WriteNumber("endLine", related.EndLine);
                    json.WriteString("message", related.Message);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            FlushEvery(json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
