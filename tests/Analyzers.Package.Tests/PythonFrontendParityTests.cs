extern alias package;

using System.Text;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Frontends.Python;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Package.Tests.Support;
using Pkg = package::Consolidate.Analyzers.Model;
using PackagePython = package::Consolidate.Analyzers.Package.Frontends.Python.TreeSitterPythonFrontend;

namespace Consolidate.Analyzers.Package.Tests;

/// <summary>
/// The package's Python frontend (tree-sitter-python) against the CLI's (CPython's ast in a worker): the same tree of
/// statements, blocks, functions and classes with the same spans, the same symbols, imports and top-level names.
/// </summary>
public sealed class PythonFrontendParityTests : IDisposable
{
    private readonly PythonFrontend cli = new(new FrontendOptions { PythonWorkers = 1 });
    private readonly PackagePython tree = new();

    public static TheoryData<string> Sources => new(
        "import os\nimport a.b.c as d, e\nfrom . import x\nfrom ..pkg.mod import (y as z, w)\nfrom m import *\nfrom __future__ import annotations\n",
        "try:\n    import fast\nexcept ImportError:\n    import slow as fast\nelse:\n    x = 1\nfinally:\n    y = 2\n",
        "@decorator\n@other(1)\nclass A(Base):\n    \"\"\"doc\"\"\"\n    def method(self):\n        def inner():\n            import inside\n        return inner\n\n    async def go(self):\n        pass\n",
        "if a:\n    x = 1\nelif b:\n    x = 2\nelif c:\n    x = 3\nelse:\n    x = 4\n",
        "for i, (j, k) in pairs:\n    total += i\nelse:\n    done = True\nwhile False:\n    pass\nwith open(p) as f, lock:\n    data = f.read()\n",
        "__all__ = ['one', 'two']\n__all__ += ['three']\n__all__.append('four')\n__all__.extend(['five'])\na = b = 3\nc: int = 4\nd: str\n*e, f = g\n",
        "import importlib\nmod = importlib.import_module('pkg.plugins.alpha')\n__import__('legacy.mod')\n@mock.patch('service.client.Session')\ndef test(session):\n    with patch('a.b.c', new=1):\n        pass\n",
        "match command:\n    case [x, y]:\n        go(x)\n    case {'k': v} if v:\n        stop()\n    case _:\n        pass\n",
        "def f(\n    a,\n    b,\n):  # trailing\n    return a + b  # comment\n    # a comment at the end of the block\n\n\nx = f(1, 2)\n",
        "class Outer:\n    class Inner:\n        def m(self): ...\n    value = 1\n\nlambda_ = lambda q: q\n",
        "a = 1; b = 2\nglobal g\ndel a\nif a:  # why\n    pass\n    # trailing comment\n# outer comment\nx = [\n    1,\n]\n",
        "import importlib\ndef load():\n    try:\n        return importlib.import_module(name='late.plugin')\n    except ImportError:\n        return None\n@patch.dict('os.environ', {'A': '1'})\ndef t(): pass\n",
        "try:\n    pass\nexcept* ValueError as group:\n    handle(group)\n",
        "@dataclass\nclass Point:\n    x: int = 0\n    y: int = 0\n\n    @property\n    def norm(self) -> float:\n        return (self.x ** 2 + self.y ** 2) ** 0.5\n",
        "async def main():\n    async with session() as s:\n        async for item in s:\n            await item\n    return [x async for x in s]\n",
        "s = 'caf\u00e9'\nt = '\U0001F600 emoji'\nimport caf\u00e9\n");

    [Theory]
    [MemberData(nameof(Sources))]
    public void Tree_symbols_imports_and_names_match_cpython(string source)
    {
        var expected = Describe(cli.Parse(Document(source), CancellationToken.None));
        var actual = Describe(tree.Parse(PackageDocument(source), CancellationToken.None));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Samples_python_files_match_cpython()
    {
        var root = Path.Combine(PackageHarness.RepoRoot, "samples");
        foreach (var path in Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var source = File.ReadAllText(path);
            if (source.Contains('\uFFFD'))
                continue;
            var expected = Describe(cli.Parse(Document(source), CancellationToken.None));
            var actual = Describe(tree.Parse(PackageDocument(source), CancellationToken.None));
            Assert.True(expected == actual, $"{Path.GetRelativePath(root, path)}:\nexpected:\n{expected}\nactual:\n{actual}");
        }
    }

    public void Dispose()
    {
        cli.Dispose();
        tree.Dispose();
    }

    private static SourceDocument Document(string source) =>
        new("t.py", Language.Python, Encoding.UTF8.GetBytes(source), new SourceText(source), null);

    private static Pkg.SourceDocument PackageDocument(string source) =>
        new("t.py", Pkg.Language.Python, Encoding.UTF8.GetBytes(source), new Pkg.SourceText(source), null);

    private static string Describe(ParsedSource parsed)
    {
        var text = new StringBuilder();
        text.AppendLine($"failed={parsed.Failed} issues={string.Join("; ", parsed.Issues.Select(i => $"{i.Line}:{i.Message}"))}");
        void Node(SyntaxNode node, int depth)
        {
            text.AppendLine($"{new string(' ', depth * 2)}{node.Kind} {node.RawKind} {node.Name} {Span(node.Span.StartLine, node.Span.StartColumn, node.Span.EndLine, node.Span.EndColumn)}");
            foreach (var child in node.Children)
                Node(child, depth + 1);
        }

        Node(parsed.Root, 0);
        foreach (var s in parsed.Symbols)
            text.AppendLine($"symbol {s.Kind} {s.Name} in {s.Container} {Span(s.Span.StartLine, s.Span.StartColumn, s.Span.EndLine, s.Span.EndColumn)}");
        if (parsed.Facts is PythonFacts facts)
        {
            foreach (var i in facts.Imports)
            {
                var names = string.Join(", ", i.Names.Select(n => $"{n.Name} as {n.Alias} {Span(n.Span.StartLine, n.Span.StartColumn, n.Span.EndLine, n.Span.EndColumn)}"));
                text.AppendLine($"import {i.Style} '{i.Module}' level={i.Level} [{names}] as {i.Alias} {Span(i.Span.StartLine, i.Span.StartColumn, i.Span.EndLine, i.Span.EndColumn)} module {Span(i.ModuleSpan.StartLine, i.ModuleSpan.StartColumn, i.ModuleSpan.EndLine, i.ModuleSpan.EndColumn)} function={i.InFunction} try={i.InTry}");
            }

            text.AppendLine("names " + string.Join(",", facts.TopLevelNames));
        }

        return text.ToString();
    }

    private static string Describe(Pkg.ParsedSource parsed)
    {
        var text = new StringBuilder();
        text.AppendLine($"failed={parsed.Failed} issues={string.Join("; ", parsed.Issues.Select(i => $"{i.Line}:{i.Message}"))}");
        void Node(Pkg.SyntaxNode node, int depth)
        {
            text.AppendLine($"{new string(' ', depth * 2)}{node.Kind} {node.RawKind} {node.Name} {Span(node.Span.StartLine, node.Span.StartColumn, node.Span.EndLine, node.Span.EndColumn)}");
            foreach (var child in node.Children)
                Node(child, depth + 1);
        }

        Node(parsed.Root, 0);
        foreach (var s in parsed.Symbols)
            text.AppendLine($"symbol {s.Kind} {s.Name} in {s.Container} {Span(s.Span.StartLine, s.Span.StartColumn, s.Span.EndLine, s.Span.EndColumn)}");
        if (parsed.Facts is Pkg.PythonFacts facts)
        {
            foreach (var i in facts.Imports)
            {
                var names = string.Join(", ", i.Names.Select(n => $"{n.Name} as {n.Alias} {Span(n.Span.StartLine, n.Span.StartColumn, n.Span.EndLine, n.Span.EndColumn)}"));
                text.AppendLine($"import {i.Style} '{i.Module}' level={i.Level} [{names}] as {i.Alias} {Span(i.Span.StartLine, i.Span.StartColumn, i.Span.EndLine, i.Span.EndColumn)} module {Span(i.ModuleSpan.StartLine, i.ModuleSpan.StartColumn, i.ModuleSpan.EndLine, i.ModuleSpan.EndColumn)} function={i.InFunction} try={i.InTry}");
            }

            text.AppendLine("names " + string.Join(",", facts.TopLevelNames));
        }

        return text.ToString();
    }

    private static string Span(int startLine, int startColumn, int endLine, int endColumn) => $"{startLine}:{startColumn}-{endLine}:{endColumn}";
}
