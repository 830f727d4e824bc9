namespace System.Text.Json;

// The slice of System.Text.Json that the engine's ExecForm uses (is this text one valid JSON value, and is it an array?),
// for the netstandard2.0 build in the analyzer package. The System.Text.Json package would bring
// Microsoft.Bcl.AsyncInterfaces, which the compiler's runtime does not have. Only the analyzer package compiles this file.

internal enum JsonValueKind
{
    Undefined,
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

internal sealed class JsonException : Exception
{
    public JsonException(string message)
        : base(message)
    {
    }
}

internal struct JsonDocumentOptions
{
    public int MaxDepth { get; set; }
}

internal readonly struct JsonElement(JsonValueKind kind)
{
    public JsonValueKind ValueKind { get; } = kind;
}

/// <summary>Checks RFC 8259 syntax (one value, white space around it); keeps only the root's kind.</summary>
internal sealed class JsonDocument : IDisposable
{
    private JsonDocument(JsonValueKind kind) => RootElement = new JsonElement(kind);

    public JsonElement RootElement { get; }

    public static JsonDocument Parse(ReadOnlyMemory<char> json, JsonDocumentOptions options = default)
    {
        var text = json.Span;
        var at = 0;
        var kind = Value(text, ref at, 0, options.MaxDepth <= 0 ? 64 : options.MaxDepth);
        SkipSpace(text, ref at);
        if (at != text.Length)
            throw new JsonException($"'{text[at]}' is invalid after a single JSON value");
        return new JsonDocument(kind);
    }

    public void Dispose()
    {
    }

    private static JsonValueKind Value(ReadOnlySpan<char> text, ref int at, int depth, int maxDepth)
    {
        SkipSpace(text, ref at);
        if (at >= text.Length)
            throw new JsonException("expected a JSON value");
        switch (text[at])
        {
            case '[':
                Container(text, ref at, depth, maxDepth, ']', member: false);
                return JsonValueKind.Array;
            case '{':
                Container(text, ref at, depth, maxDepth, '}', member: true);
                return JsonValueKind.Object;
            case '"':
                String(text, ref at);
                return JsonValueKind.String;
            case 't':
                Literal(text, ref at, "true");
                return JsonValueKind.True;
            case 'f':
                Literal(text, ref at, "false");
                return JsonValueKind.False;
            case 'n':
                Literal(text, ref at, "null");
                return JsonValueKind.Null;
            default:
                Number(text, ref at);
                return JsonValueKind.Number;
        }
    }

    private static void Container(ReadOnlySpan<char> text, ref int at, int depth, int maxDepth, char close, bool member)
    {
        if (depth + 1 > maxDepth)
            throw new JsonException("the maximum depth was exceeded");
        at++;
        SkipSpace(text, ref at);
        if (at < text.Length && text[at] == close)
        {
            at++;
            return;
        }

        while (true)
        {
            if (member)
            {
                SkipSpace(text, ref at);
                if (at >= text.Length || text[at] != '"')
                    throw new JsonException("expected a property name");
                String(text, ref at);
                SkipSpace(text, ref at);
                if (at >= text.Length || text[at] != ':')
                    throw new JsonException("expected ':'");
                at++;
            }

            Value(text, ref at, depth + 1, maxDepth);
            SkipSpace(text, ref at);
            if (at >= text.Length)
                throw new JsonException("unexpected end of input");
            if (text[at] == close)
            {
                at++;
                return;
            }

            if (text[at] != ',')
                throw new JsonException($"expected ',' or '{close}'");
            at++;
        }
    }

    private static void String(ReadOnlySpan<char> text, ref int at)
    {
        at++;
        while (at < text.Length)
        {
            var c = text[at++];
            if (c == '"')
                return;
            if (c < 0x20)
                throw new JsonException("a control character in a string");
            if (c != '\\')
                continue;
            if (at >= text.Length)
                break;
            var escape = text[at++];
            if (escape == 'u')
            {
                for (var i = 0; i < 4; i++, at++)
                {
                    if (at >= text.Length || !Uri.IsHexDigit(text[at]))
                        throw new JsonException("a bad \\u escape");
                }
            }
            else if ("\"\\/bfnrt".IndexOf(escape) < 0)
            {
                throw new JsonException("a bad escape");
            }
        }

        throw new JsonException("an unterminated string");
    }

    private static void Literal(ReadOnlySpan<char> text, ref int at, string word)
    {
        if (text.Length - at < word.Length || !text.Slice(at, word.Length).SequenceEqual(word.AsSpan()))
            throw new JsonException($"expected '{word}'");
        at += word.Length;
    }

    private static void Number(ReadOnlySpan<char> text, ref int at)
    {
        var start = at;
        if (at < text.Length && text[at] == '-')
            at++;
        if (at < text.Length && text[at] == '0')
            at++;
        else if (!Digits(text, ref at))
            throw new JsonException("expected a JSON value");
        if (at < text.Length && text[at] == '.')
        {
            at++;
            if (!Digits(text, ref at))
                throw new JsonException("expected digits after '.'");
        }

        if (at < text.Length && text[at] is 'e' or 'E')
        {
            at++;
            if (at < text.Length && text[at] is '+' or '-')
                at++;
            if (!Digits(text, ref at))
                throw new JsonException("expected an exponent");
        }

        if (at == start)
            throw new JsonException("expected a JSON value");
    }

    private static bool Digits(ReadOnlySpan<char> text, ref int at)
    {
        var start = at;
        while (at < text.Length && text[at] is >= '0' and <= '9')
            at++;
        return at > start;
    }

    private static void SkipSpace(ReadOnlySpan<char> text, ref int at)
    {
        while (at < text.Length && text[at] is ' ' or '\t' or '\r' or '\n')
            at++;
    }
}
