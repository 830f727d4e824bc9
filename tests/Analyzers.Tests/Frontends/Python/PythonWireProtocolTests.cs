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

    private static readonly string ResultWithoutTokens = Result.Replace("""
         "tokens":[["k",1,0,1,6],["i",1,7,1,9]],
        """, "", StringComparison.Ordinal);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_request_is_one_json_line_with_version_id_base64_source_and_the_tokens_flag(bool tokens)
    {
        var line = PythonWireProtocol.Request(3, "parse", "pkg/m.py", [0x78, 0xE9], tokens);

        Assert.Equal((byte)'\n', line[^1]);
        Assert.DoesNotContain((byte)'\n', line[..^1]);
        using var json = JsonDocument.Parse(line);
        Assert.Equal(1, json.RootElement.GetProperty("v").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("id").GetInt32());
        Assert.Equal("parse", json.RootElement.GetProperty("type").GetString());
        Assert.Equal([0x78, 0xE9], json.RootElement.GetProperty("source").GetBytesFromBase64());
        Assert.Equal(tokens, json.RootElement.GetProperty("tokens").GetBoolean());
    }

    [Fact]
    public void A_result_is_read_into_wire_records()
    {
        var reply = PythonWireProtocol.ReadReply(Line(Result), 7, tokensRequested: true);

        var result = Assert.IsType<PythonParseReply>(reply.Result);
        Assert.True(result.Ok);
        Assert.Equal([TokenKind.Keyword, TokenKind.Identifier], result.Tokens!.Value.Select(t => t.Kind));
        Assert.Equal(new WireSpan(1, 7, 1, 9), result.Imports[0].ModuleSpan);
        Assert.Equal(0, result.Nodes[1].Parent);
    }

    [Fact]
    public void A_result_to_a_request_without_tokens_has_none()
    {
        Assert.DoesNotContain("tokens", ResultWithoutTokens, StringComparison.Ordinal);

        var reply = PythonWireProtocol.ReadReply(Line(ResultWithoutTokens), 7, tokensRequested: false);

        var result = Assert.IsType<PythonParseReply>(reply.Result);
        Assert.Null(result.Tokens);
        Assert.Equal("os", Assert.Single(result.Imports).Module);
    }

    [Fact]
    public void A_result_without_the_tokens_it_was_asked_for_is_a_protocol_error()
    {
        var error = Assert.Throws<PythonProtocolException>(() => PythonWireProtocol.ReadReply(Line(ResultWithoutTokens), 7, tokensRequested: true));

        Assert.Contains("malformed reply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reply_to_another_request_is_a_protocol_error()
    {
        var error = Assert.Throws<PythonProtocolException>(() => PythonWireProtocol.ReadReply(Line(Result), 8, tokensRequested: true));

        Assert.Contains("reply id 7 does not match request id 8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[\"statement\",\"Import\",null,1,0,1,9,0]", "[\"statement\",\"Import\",null,1,0,1,9,5]", "node 1 has parent 5")]
    [InlineData("[\"k\",1,0,1,6]", "[\"x\",1,0,1,6]", "unknown token kind 'x'")]
    [InlineData("\"ok\":true", "\"ok\":\"yes\"", "malformed reply")]
    public void A_malformed_result_is_a_protocol_error(string from, string to, string expected)
    {
        var line = Line(Result.Replace(from, to, StringComparison.Ordinal));

        var error = Assert.Throws<PythonProtocolException>(() => PythonWireProtocol.ReadReply(line, 7, tokensRequested: true));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hello_names_protocol_python_and_executable()
    {
        var hello = PythonWireProtocol.ReadHello("{\"v\":1,\"id\":0,\"type\":\"hello\",\"python\":\"3.11.7\",\"protocol\":2,\"executable\":\"/usr/bin/python3.11\"}"u8.ToArray());

        Assert.Equal(new PythonHello(2, "3.11.7", "/usr/bin/python3.11"), hello);
    }

    [Fact]
    public void A_hello_without_an_executable_is_read_with_none()
    {
        var hello = PythonWireProtocol.ReadHello("{\"v\":1,\"id\":0,\"type\":\"hello\",\"python\":\"3.11.7\",\"protocol\":1}"u8.ToArray());

        Assert.Equal(new PythonHello(1, "3.11.7", null), hello);
    }

    private static byte[] Line(string json) => Encoding.UTF8.GetBytes(json.ReplaceLineEndings(""));
}
