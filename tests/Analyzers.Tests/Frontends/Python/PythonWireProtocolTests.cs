using System.Text;
using System.Text.Json;
using Consolidate.Analyzers.Frontends.Python;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Python;

public sealed class PythonWireProtocolTests
{
    private const string Result = """
        {"v":1,"id":7,"type":"result","ok":true,"error":null,"notes":[],
         "tokens":[["k",1,0,1,6],["i",1,7,1,9]],
         "nodes":[["module","Module",null,1,0,2,0,-1],["statement","Import",null,1,0,1,9,0]],
         "symbols":[],
         "imports":[{"style":"import","module":"os","level":0,"names":[],"alias":null,"span":[1,0,1,9],"module_span":[1,7,1,9],"in_function":false,"in_try":false}],
         "names":["os"]}
        """;

    [Fact]
    public void A_request_is_one_json_line_with_version_id_and_base64_source()
    {
        var line = PythonWireProtocol.Request(3, "parse", "pkg/m.py", [0x78, 0xE9]);

        Assert.Equal((byte)'\n', line[^1]);
        Assert.DoesNotContain((byte)'\n', line[..^1]);
        using var json = JsonDocument.Parse(line);
        Assert.Equal(1, json.RootElement.GetProperty("v").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("id").GetInt32());
        Assert.Equal("parse", json.RootElement.GetProperty("type").GetString());
        Assert.Equal([0x78, 0xE9], json.RootElement.GetProperty("source").GetBytesFromBase64());
    }

    [Fact]
    public void A_result_is_read_into_wire_records()
    {
        var reply = PythonWireProtocol.ReadReply(Encoding.UTF8.GetBytes(Result.ReplaceLineEndings("")), 7);

        var result = Assert.IsType<PythonParseReply>(reply.Result);
        Assert.True(result.Ok);
        Assert.Equal([TokenKind.Keyword, TokenKind.Identifier], result.Tokens.Select(t => t.Kind));
        Assert.Equal(new WireSpan(1, 7, 1, 9), result.Imports[0].ModuleSpan);
        Assert.Equal(0, result.Nodes[1].Parent);
    }

    [Fact]
    public void A_reply_to_another_request_is_a_protocol_error()
    {
        var error = Assert.Throws<PythonProtocolException>(() => PythonWireProtocol.ReadReply(Encoding.UTF8.GetBytes(Result.ReplaceLineEndings("")), 8));

        Assert.Contains("reply id 7 does not match request id 8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[\"statement\",\"Import\",null,1,0,1,9,0]", "[\"statement\",\"Import\",null,1,0,1,9,5]", "node 1 has parent 5")]
    [InlineData("[\"k\",1,0,1,6]", "[\"x\",1,0,1,6]", "unknown token kind 'x'")]
    [InlineData("\"ok\":true", "\"ok\":\"yes\"", "malformed reply")]
    public void A_malformed_result_is_a_protocol_error(string from, string to, string expected)
    {
        var line = Encoding.UTF8.GetBytes(Result.ReplaceLineEndings("").Replace(from, to, StringComparison.Ordinal));

        var error = Assert.Throws<PythonProtocolException>(() => PythonWireProtocol.ReadReply(line, 7));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hello_names_protocol_and_python()
    {
        var hello = PythonWireProtocol.ReadHello("{\"v\":1,\"id\":0,\"type\":\"hello\",\"python\":\"3.11.7\",\"protocol\":1}"u8.ToArray());

        Assert.Equal(new PythonHello(1, "3.11.7"), hello);
    }
}
