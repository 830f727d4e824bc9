using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Consolidate.Analyzers.Frontends.Dockerfile;

/// <summary>
/// The JSON array form of RUN, CMD, ENTRYPOINT, SHELL, ADD, COPY, VOLUME and HEALTHCHECK CMD. As in BuildKit, text
/// that starts with '[' and is a valid JSON array of strings is exec form, text that is not valid JSON is shell form,
/// and a valid JSON array holding anything but strings is an error (<see cref="ExecFormResult.NotStrings"/>).
/// </summary>
internal sealed class ExecForm
{
    private ExecForm(ImmutableArray<string> values, List<(int Start, int End)> punctuation, List<(int Start, int End)> strings)
    {
        Values = values;
        Punctuation = punctuation;
        Strings = strings;
    }

    public ImmutableArray<string> Values { get; }

    /// <summary>'[', ',' and ']' as ranges of the parsed text.</summary>
    public List<(int Start, int End)> Punctuation { get; }

    /// <summary>Each string, quotes included, as ranges of the parsed text.</summary>
    public List<(int Start, int End)> Strings { get; }

    public static ExecFormResult TryParse(string text, int start, int end, out ExecForm? form)
    {
        form = null;
        if (start >= end || text[start] != '[')
            return ExecFormResult.NotJson;

        var punctuation = new List<(int, int)>();
        var strings = new List<(int, int)>();
        var values = ImmutableArray.CreateBuilder<string>();
        var i = start;
        punctuation.Add((i, i + 1));
        i = SkipSpace(text, i + 1, end);
        if (i < end && text[i] == ']')
        {
            punctuation.Add((i, i + 1));
            i++;
        }
        else
        {
            while (true)
            {
                if (i >= end || text[i] != '"')
                    return Classify(text, start, end);
                var stringStart = i;
                var value = ReadString(text, ref i, end);
                if (value is null)
                    return ExecFormResult.NotJson;
                values.Add(value);
                strings.Add((stringStart, i));
                i = SkipSpace(text, i, end);
                if (i >= end)
                    return ExecFormResult.NotJson;
                if (text[i] == ']')
                {
                    punctuation.Add((i, i + 1));
                    i++;
                    break;
                }

                if (text[i] != ',')
                    return ExecFormResult.NotJson;
                punctuation.Add((i, i + 1));
                i = SkipSpace(text, i + 1, end);
            }
        }

        if (SkipSpace(text, i, end) != end)
            return ExecFormResult.NotJson;
        form = new ExecForm(values.ToImmutable(), punctuation, strings);
        return ExecFormResult.Exec;
    }

    private static int SkipSpace(string text, int i, int end)
    {
        while (i < end && text[i] is ' ' or '\t' or '\n' or '\r')
            i++;
        return i;
    }

    /// <summary>Reads a JSON string at text[i] (a quote); null when it is not valid JSON.</summary>
    private static string? ReadString(string text, ref int i, int end)
    {
        var value = new StringBuilder();
        i++;
        while (i < end)
        {
            var c = text[i];
            if (c == '"')
            {
                i++;
                return value.ToString();
            }

            if (c < ' ')
                return null;
            if (c != '\\')
            {
                value.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= end)
                return null;
            var escaped = text[i + 1];
            i += 2;
            switch (escaped)
            {
                case '"' or '\\' or '/':
                    value.Append(escaped);
                    break;
                case 'b':
                    value.Append('\b');
                    break;
                case 'f':
                    value.Append('\f');
                    break;
                case 'n':
                    value.Append('\n');
                    break;
                case 'r':
                    value.Append('\r');
                    break;
                case 't':
                    value.Append('\t');
                    break;
                case 'u':
                    if (ReadHex(text, i, end) is not { } unit)
                        return null;
                    i += 4;
                    if (char.IsHighSurrogate(unit) && i + 6 <= end && text[i] == '\\' && text[i + 1] == 'u'
                        && ReadHex(text, i + 2, end) is { } low && char.IsLowSurrogate(low))
                    {
                        value.Append(unit).Append(low);
                        i += 6;
                    }
                    else
                    {
                        // Go's encoding/json turns a lone surrogate into U+FFFD.
                        value.Append(char.IsSurrogate(unit) ? '\uFFFD' : unit);
                    }

                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private static char? ReadHex(string text, int i, int end) =>
        i + 4 <= end && ushort.TryParse(text.AsSpan(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit)
            ? (char)unit
            : null;

    /// <summary>An array with a non-string element: a BuildKit error if the whole text is valid JSON, else shell form.</summary>
    private static ExecFormResult Classify(string text, int start, int end)
    {
        try
        {
            using var document = JsonDocument.Parse(text.AsMemory(start, end - start), new JsonDocumentOptions { MaxDepth = 1000 });
            return document.RootElement.ValueKind == JsonValueKind.Array ? ExecFormResult.NotStrings : ExecFormResult.NotJson;
        }
        catch (JsonException)
        {
            return ExecFormResult.NotJson;
        }
        catch (ArgumentException)
        {
            return ExecFormResult.NotJson;
        }
    }
}
