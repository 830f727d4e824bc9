using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// The JSON-lines protocol spoken with <c>worker.py</c> (its docstring is the reference): every message has
/// <c>"v": 1</c> and an <c>"id"</c>; the worker's first line is a hello with its <c>protocol</c>, Python version and
/// interpreter path; each request gets one reply with the same id, <c>"type": "result"</c> or <c>"type": "error"</c>.
/// Anything else is a <see cref="PythonProtocolException"/>. Protocol 2 added the request's <c>tokens</c> flag (a
/// result carries <c>tokens</c> only when asked) and the hello's <c>executable</c>.
/// </summary>
internal static class PythonWireProtocol
{
    public const int MessageVersion = 1;

    public const int Protocol = 2;

    /// <param name="tokens">Whether the result should carry CPython's tokens; false skips <c>tokenize</c> in the worker.</param>
    public static byte[] Request(long id, string type, string path, byte[] source, bool tokens)
    {
        var buffer = new ArrayBufferWriter<byte>((source.Length / 3 * 4) + path.Length + 128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", MessageVersion);
            writer.WriteNumber("id", id);
            writer.WriteString("type", type);
            // A path with a lone surrogate cannot be written as JSON; the worker only echoes it in messages.
            writer.WriteString("path", Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(path)));
            writer.WriteBase64String("source", source);
            writer.WriteBoolean("tokens", tokens);
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    public static PythonHello ReadHello(byte[] line)
    {
        using var document = Parse(line);
        var root = document.RootElement;
        try
        {
            CheckVersion(root);
            var type = OptionalString(root, "type");
            if (type != "hello")
                throw new PythonProtocolException($"expected the worker's hello, got a message of type '{type}': {Preview(line)}");
            return new PythonHello(root.GetProperty("protocol").GetInt32(), root.GetProperty("python").GetString() ?? "?", OptionalString(root, "executable"));
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new PythonProtocolException($"malformed hello ({ex.Message}): {Preview(line)}", ex);
        }
    }

    /// <param name="tokensRequested">Whether the request asked for tokens: then a result without them is malformed.</param>
    public static PythonWorkerReply ReadReply(byte[] line, long expectedId, bool tokensRequested)
    {
        using var document = Parse(line);
        var root = document.RootElement;
        try
        {
            CheckVersion(root);
            var idElement = root.GetProperty("id");
            if (idElement.ValueKind != JsonValueKind.Number || !idElement.TryGetInt64(out var id) || id != expectedId)
                throw new PythonProtocolException($"reply id {idElement.GetRawText()} does not match request id {expectedId}: the worker is out of step");
            var type = OptionalString(root, "type");
            return type switch
            {
                "result" => new PythonWorkerReply(ReadResult(root, tokensRequested), null),
                "error" => new PythonWorkerReply(null, OptionalString(root, "message") ?? "(no message)"),
                _ => throw new PythonProtocolException($"unexpected reply type '{type}': {Preview(line)}"),
            };
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new PythonProtocolException($"malformed reply ({ex.Message}): {Preview(line)}", ex);
        }
    }

    /// <summary>The start of a line for messages: at most 120 characters, control characters escaped.</summary>
    public static string Preview(byte[] line)
    {
        var text = Encoding.UTF8.GetString(line, 0, Math.Min(line.Length, 480));
        var builder = new StringBuilder();
        foreach (var c in text.Take(120))
            builder.Append(char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString());
        if (text.Length > 120 || line.Length > 480)
            builder.Append('…');
        return builder.Length == 0 ? "(an empty line)" : $"'{builder}'";
    }

    private static JsonDocument Parse(byte[] line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new PythonProtocolException($"not a JSON message ({ex.Message}): {Preview(line)}", ex);
        }
    }

    private static void CheckVersion(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new PythonProtocolException($"a message must be a JSON object, got {root.ValueKind}");
        if (!root.TryGetProperty("v", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != MessageVersion)
        {
            var found = root.TryGetProperty("v", out var raw) ? raw.GetRawText() : "none";
            throw new PythonProtocolException($"message version {found}, expected {MessageVersion}: the worker script and the tool are out of step");
        }
    }

    private static PythonParseReply ReadResult(JsonElement root, bool tokensRequested)
    {
        var error = root.GetProperty("error");
        return new PythonParseReply(
            root.GetProperty("ok").GetBoolean(),
            error.ValueKind == JsonValueKind.Null ? null : ReadIssue(error),
            Read(root.GetProperty("notes"), ReadIssue),
            tokensRequested ? Read(root.GetProperty("tokens"), ReadToken) : null,
            ReadNodes(root.GetProperty("nodes")),
            Read(root.GetProperty("symbols"), ReadSymbol),
            Read(root.GetProperty("imports"), ReadImport),
            Read(root.GetProperty("names"), e => e.GetString() ?? throw new FormatException("a name is null")));
    }

    private static ImmutableArray<T> Read<T>(JsonElement array, Func<JsonElement, T> read)
    {
        var builder = ImmutableArray.CreateBuilder<T>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
            builder.Add(read(element));
        return builder.MoveToImmutable();
    }

    private static WireIssue ReadIssue(JsonElement issue) => new(
        issue.GetProperty("line").GetInt32(),
        issue.GetProperty("column").GetInt32(),
        issue.GetProperty("message").GetString() ?? "");

    private static WireToken ReadToken(JsonElement token)
    {
        var kind = token[0].GetString() switch
        {
            "k" => TokenKind.Keyword,
            "i" => TokenKind.Identifier,
            "l" => TokenKind.Literal,
            "c" => TokenKind.Comment,
            var other => throw new FormatException($"unknown token kind '{other}'"),
        };
        return new WireToken(kind, ReadSpan(token, 1));
    }

    private static ImmutableArray<WireNode> ReadNodes(JsonElement array)
    {
        var nodes = Read(array, ReadNode);
        for (var i = 0; i < nodes.Length; i++)
        {
            var valid = i == 0 ? nodes[i].Parent == -1 && nodes[i].Kind == NodeKind.File : nodes[i].Parent >= 0 && nodes[i].Parent < i;
            if (!valid)
                throw new FormatException($"node {i} has parent {nodes[i].Parent}: nodes must come in pre-order under one module node");
        }

        return nodes;
    }

    private static WireNode ReadNode(JsonElement node)
    {
        var kind = node[0].GetString() switch
        {
            "module" => NodeKind.File,
            "function" => NodeKind.Function,
            "class" => NodeKind.Class,
            "statement" => NodeKind.Statement,
            "block" => NodeKind.Block,
            var other => throw new FormatException($"unknown node kind '{other}'"),
        };
        return new WireNode(kind, node[1].GetString() ?? "", NullableString(node[2]), ReadSpan(node, 3), node[7].GetInt32());
    }

    private static WireSymbol ReadSymbol(JsonElement symbol)
    {
        var kind = symbol[0].GetString() switch
        {
            "function" => SymbolKind.Function,
            "method" => SymbolKind.Method,
            "class" => SymbolKind.Class,
            var other => throw new FormatException($"unknown symbol kind '{other}'"),
        };
        return new WireSymbol(kind, symbol[1].GetString() ?? "", NullableString(symbol[2]), ReadSpan(symbol, 3));
    }

    private static WireImport ReadImport(JsonElement import)
    {
        var style = import.GetProperty("style").GetString() switch
        {
            "import" => ImportStyle.Import,
            "from" => ImportStyle.From,
            "import_module" => ImportStyle.ImportModuleCall,
            "patch" => ImportStyle.MockPatch,
            "dunder_import" => ImportStyle.DunderImport,
            var other => throw new FormatException($"unknown import style '{other}'"),
        };
        return new WireImport(
            style,
            import.GetProperty("module").GetString() ?? "",
            import.GetProperty("level").GetInt32(),
            Read(import.GetProperty("names"), n => new WireImportedName(n[0].GetString() ?? "", NullableString(n[1]), ReadSpan(n[2], 0))),
            NullableString(import.GetProperty("alias")),
            ReadSpan(import.GetProperty("span"), 0),
            ReadSpan(import.GetProperty("module_span"), 0),
            import.GetProperty("in_function").GetBoolean(),
            import.GetProperty("in_try").GetBoolean());
    }

    private static WireSpan ReadSpan(JsonElement array, int first) =>
        new(array[first].GetInt32(), array[first + 1].GetInt32(), array[first + 2].GetInt32(), array[first + 3].GetInt32());

    private static string? NullableString(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetString();

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;
}

/// <summary>
/// The worker's handshake: the protocol it speaks and the Python running it; <see cref="Executable"/> is its
/// <c>sys.executable</c> (null when Python does not know it).
/// </summary>
internal sealed record PythonHello(int Protocol, string PythonVersion, string? Executable);

/// <summary>A reply in step with its request: a parse result, or the worker's reason for not serving it.</summary>
internal sealed record PythonWorkerReply(PythonParseReply? Result, string? Error);
