using Consolidate.Analyzers.Frontends.Python;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Python;

/// <summary>
/// Where the Python frontend's tokens come from: <see cref="PythonLexer"/> in .NET normally, CPython's tokenize (asked of
/// the worker) when the lexer gives none (out of budget). Both must give the same tokens, so clone and term findings do
/// not depend on it.
/// </summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class PythonTokenSourcesTests(PythonWorkersFixture workers)
{
    private static readonly string[] ValidFiles =
    [
        "import os\nfrom a.b import (c,  # why\n    d as e)\nfrom .... import f\nfrom . import g\n\n@decorator(1)\nclass K(Base, metaclass=M):\n    \"\"\"Doc.\"\"\"\n    x: int = 1_000\n\n    async def m(self, *a, **kw) -> None:\n        async with lock as held:\n            await held\n        return [i for i in a if (n := i) is not None]\n",
        "s = f\"{a!r:>{w}} 😀 {b['k']}\" + 'é' r'\\d' \"\"\"multi\nline\"\"\"\nt = 0x1F + 0o17 + 0b1 + 1.5e-3 + 2j + .5\nu = x[1:2, ...] if not y else lambda q: q ** 2 // 3 @ m\nx <<= 1; y >>= 2; z **= 3; w //= 4; v @= 5; u != t\n",
        // Soft keywords as names only: a match statement needs Python 3.10, the worker supports 3.8.
        "type = 1\nmatch = case = _ = type\nprint(exec, __future__, match[0], case.x)\n",
        "def f(a, /, b, *, c):\r\n    global g\r\n    nonlocal_ = 1\r\n    x = 1 + \\\r\n        2  # after continuation\r\n    try:\r\n        raise ValueError from None\r\n    except (TypeError, ValueError):\r\n        del x\r\n    finally:\r\n        yield from range(3)\r\n",
        "# -*- coding: utf-8 -*-\nif True:\n\t\tnäme = 'ü'  # ü\n\t\t𝔘nicode = 1\nwhile False: break\nelse: assert True, 'msg'\n",
    ];

    [Fact]
    public void The_lexer_and_cpython_tokenize_give_the_same_tokens_on_valid_files()
    {
        var cpythonTokens = CPythonTokensFrontend();
        foreach (var file in ValidFiles)
        {
            var document = PythonSource.Document(file);

            var fromLexer = workers.Frontend.Parse(document, CancellationToken.None);
            var fromCPython = cpythonTokens.Parse(document, CancellationToken.None);

            Assert.Empty(fromLexer.Issues);
            Assert.Equal(
                fromCPython.Tokens.Select(t => (t.Kind, t.Text, t.Span)),
                fromLexer.Tokens.Select(t => (t.Kind, t.Text, t.Span)));
            Assert.Equal(
                fromCPython.Root.DescendantsAndSelf().Select(n => (n.Kind, n.RawKind, n.Name, n.Span)),
                fromLexer.Root.DescendantsAndSelf().Select(n => (n.Kind, n.RawKind, n.Name, n.Span)));
            PythonSource.AssertWellFormed(fromLexer, document.Text);
        }
    }

    [Fact]
    public void Without_lexer_tokens_they_come_from_cpython_and_the_rest_is_unchanged()
    {
        var document = PythonSource.Document("import os  # c\ndef f(x):\n    return os.path.join(x, 'y')\n");

        var parsed = CPythonTokensFrontend().Parse(document, CancellationToken.None);

        Assert.Empty(parsed.Issues);
        Assert.Equal(
            ["import", "os", "# c", "def", "f", "(", "x", ")", ":", "return", "os", ".", "path", ".", "join", "(", "x", ",", "'y'", ")"],
            parsed.Tokens.Select(t => t.Text));
        Assert.Equal("f", Assert.Single(parsed.Symbols).QualifiedName);
        Assert.Equal("os", Assert.Single(Assert.IsType<PythonFacts>(parsed.Facts).Imports).Module);
        PythonSource.AssertWellFormed(parsed, document.Text);
    }

    [Fact]
    public void Without_lexer_tokens_a_syntax_error_keeps_cpythons_tokens_up_to_the_error()
    {
        var document = PythonSource.Document("x = 1\ns = \"\"\"never closed\n");

        var parsed = CPythonTokensFrontend().Parse(document, CancellationToken.None);

        Assert.Equal(2, Assert.Single(parsed.Issues).Line);
        Assert.Equal(["x", "=", "1", "s", "="], parsed.Tokens.Select(t => t.Text));
    }

    [Fact]
    public void A_file_cpython_rejects_still_has_lexer_tokens_with_its_comments()
    {
        var document = PythonSource.Document("# -*- legacy -*-\nimport os\nprint \"hello\"  # python 2\nexec code in ns\n");

        var parsed = workers.Frontend.Parse(document, CancellationToken.None);

        Assert.False(parsed.Failed);
        Assert.StartsWith("SyntaxError", Assert.Single(parsed.Issues).Message, StringComparison.Ordinal);
        Assert.Null(parsed.Facts);
        Assert.Equal(["# -*- legacy -*-", "# python 2"], parsed.Tokens.Where(t => t.Kind == TokenKind.Comment).Select(t => t.Text));
        Assert.Equal(
            ["import", "os", "print", "\"hello\"", "exec", "code", "in", "ns"],
            parsed.Tokens.Where(t => t.Kind != TokenKind.Comment).Select(t => t.Text));
        PythonSource.AssertWellFormed(parsed, document.Text);
    }

    [Fact]
    public void Workers_after_the_first_start_the_real_interpreter_not_the_configured_name()
    {
        Assert.False(workers.Frontend.Parse(PythonSource.Document("x = 1\n"), CancellationToken.None).Failed);

        var executable = workers.Pool.WorkerExecutable;

        Assert.True(Path.IsPathFullyQualified(executable), executable);
        Assert.True(File.Exists(executable), executable);
    }

    /// <summary>A frontend whose lexer never has tokens, so every file's tokens come from CPython's tokenize.</summary>
    private PythonFrontend CPythonTokensFrontend() => new(workers.Pool, (_, _, _) => null);
}
