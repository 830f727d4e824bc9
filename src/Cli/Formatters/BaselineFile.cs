using System.Collections.Immutable;
using System.Text.Json;
using Consolidate.Analyzers.Engine;

namespace Consolidate.Cli.Formatters;

/// <summary>
/// <c>--write-baseline FILE</c> records the fingerprints of today's findings; <c>--baseline FILE</c> reports only
/// findings not in it (the others are kept in SARIF, marked suppressed). Format: <c>{"version":1,"fingerprints":[...]}</c>.
/// </summary>
public static class BaselineFile
{
    public static void Write(Stream stream, AnalysisResult result)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("tool", "consolidate-analyze");
        json.WriteNumber("version", 1);
        json.WriteStartArray("fingerprints");
        foreach (var fingerprint in result.Reported.Select(Fingerprint.Of).Distinct().Order(StringComparer.Ordinal))
            json.WriteStringValue(fingerprint);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The fingerprints of a baseline file, or an error naming the file and what is wrong.</summary>
    public static (ImmutableHashSet<string>? Fingerprints, string? Error) Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (!document.RootElement.TryGetProperty("version", out var version) || version.GetInt32() != 1
                || !document.RootElement.TryGetProperty("fingerprints", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return (null, $"{path}: not a consolidate-analyze baseline (expected {{\"version\":1,\"fingerprints\":[...]}})");
            }

            return (list.EnumerateArray().Select(e => e.GetString() ?? "").ToImmutableHashSet(StringComparer.Ordinal), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{path}: cannot read the baseline: {e.Message}");
        }
        catch (JsonException e)
        {
            return (null, $"{path}:{(e.LineNumber ?? 0) + 1}: the baseline is not valid JSON: {e.Message}");
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            return (null, $"{path}: the baseline is not valid: {e.Message}");
        }
    }
}
