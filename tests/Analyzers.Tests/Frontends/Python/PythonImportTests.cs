using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Python;

[Collection(PythonWorkersCollection.Name)]
public sealed class PythonImportTests(PythonWorkersFixture workers)
{
    [Fact]
    public void Import_of_a_dotted_name_is_one_fact_spanning_the_statement()
    {
        var (text, import) = Single("import a.b.c\n");

        Assert.Equal(ImportStyle.Import, import.Style);
        Assert.Equal("a.b.c", import.Module);
        Assert.Equal(0, import.Level);
        Assert.Empty(import.Names);
        Assert.Null(import.Alias);
        Assert.Equal("import a.b.c", text.Slice(import.Span));
        Assert.Equal("a.b.c", text.Slice(import.ModuleSpan));
        Assert.Equal(new SourceSpan(7, 5, 1, 8, 1, 13), import.ModuleSpan);
        Assert.False(import.InFunction);
        Assert.False(import.InTry);
    }

    [Fact]
    public void Import_as_keeps_the_alias_and_the_module_span_excludes_it()
    {
        var (text, import) = Single("import a.b.c as x\n");

        Assert.Equal(ImportStyle.Import, import.Style);
        Assert.Equal("a.b.c", import.Module);
        Assert.Equal("x", import.Alias);
        Assert.Equal("a.b.c", text.Slice(import.ModuleSpan));
        Assert.Equal("import a.b.c as x", text.Slice(import.Span));
    }

    [Fact]
    public void Import_of_several_names_is_one_fact_per_alias()
    {
        var (text, facts) = Parse("import os, a.b as ab,  c\n");

        Assert.Collection(
            facts.Imports,
            i => Assert.Equal(("os", (string?)null, "os"), (i.Module, i.Alias, text.Slice(i.ModuleSpan))),
            i => Assert.Equal(("a.b", (string?)"ab", "a.b"), (i.Module, i.Alias, text.Slice(i.ModuleSpan))),
            i => Assert.Equal(("c", (string?)null, "c"), (i.Module, i.Alias, text.Slice(i.ModuleSpan))));
        Assert.All(facts.Imports, i => Assert.Equal("import os, a.b as ab,  c", text.Slice(i.Span)));
    }

    [Fact]
    public void From_import_names_one_module_and_its_names()
    {
        var (text, import) = Single("from a.b import c\n");

        Assert.Equal(ImportStyle.From, import.Style);
        Assert.Equal("a.b", import.Module);
        Assert.Equal(0, import.Level);
        Assert.Equal("a.b", text.Slice(import.ModuleSpan));
        var name = Assert.Single(import.Names);
        Assert.Equal(("c", (string?)null, "c"), (name.Name, name.Alias, text.Slice(name.Span)));
        Assert.Equal(new SourceSpan(16, 1, 1, 17, 1, 18), name.Span);
    }

    [Fact]
    public void From_import_of_several_names_with_aliases_and_parentheses()
    {
        var (text, import) = Single("from a.b.c import (X,\n    Y as Z)  # two\n");

        Assert.Equal("a.b.c", import.Module);
        Assert.Collection(
            import.Names,
            n => Assert.Equal(("X", (string?)null, "X"), (n.Name, n.Alias, text.Slice(n.Span))),
            n => Assert.Equal(("Y", (string?)"Z", "Y as Z"), (n.Name, n.Alias, text.Slice(n.Span))));
        Assert.Equal(2, import.Names[1].Span.StartLine);
        Assert.Equal("from a.b.c import (X,\n    Y as Z)", text.Slice(import.Span));
    }

    [Fact]
    public void From_import_of_two_names()
    {
        var (text, import) = Single("from a.b.c import X, Y\n");

        Assert.Equal("a.b.c", import.Module);
        Assert.Equal(["X", "Y"], import.Names.Select(n => n.Name));
        Assert.Equal(["X", "Y"], import.Names.Select(n => text.Slice(n.Span)));
    }

    [Fact]
    public void From_dot_import_has_an_empty_module_and_level_one()
    {
        var (text, import) = Single("from . import x\n");

        Assert.Equal(ImportStyle.From, import.Style);
        Assert.Equal("", import.Module);
        Assert.Equal(1, import.Level);
        Assert.Equal(".", text.Slice(import.ModuleSpan));
        Assert.Equal("x", Assert.Single(import.Names).Name);
    }

    [Fact]
    public void From_relative_module_counts_the_dots_and_spans_them_with_the_module()
    {
        var (text, import) = Single("from ..m import y\n");

        Assert.Equal("m", import.Module);
        Assert.Equal(2, import.Level);
        Assert.Equal("..m", text.Slice(import.ModuleSpan));
        Assert.Equal("y", text.Slice(Assert.Single(import.Names).Span));
    }

    [Fact]
    public void Three_dots_are_one_token_but_level_three()
    {
        var (text, import) = Single("from ...pkg.sub import z as w\n");

        Assert.Equal(("pkg.sub", 3), (import.Module, import.Level));
        Assert.Equal("...pkg.sub", text.Slice(import.ModuleSpan));
        Assert.Equal(("z", (string?)"w", "z as w"), (import.Names[0].Name, import.Names[0].Alias, text.Slice(import.Names[0].Span)));
    }

    [Fact]
    public void Star_import_is_a_name()
    {
        var (text, import) = Single("from a import *\n");

        Assert.Equal("*", text.Slice(Assert.Single(import.Names).Span));
        Assert.Equal("*", import.Names[0].Name);
    }

    [Fact]
    public void Import_inside_a_function_is_marked()
    {
        var (text, import) = Single("def load():\n    import yaml\n    return yaml\n");

        Assert.True(import.InFunction);
        Assert.False(import.InTry);
        Assert.Equal("import yaml", text.Slice(import.Span));
    }

    [Fact]
    public void Imports_in_a_try_and_its_handler_are_marked()
    {
        var (_, facts) = Parse("try:\n    import simplejson as json\nexcept ImportError:\n    import json\nimport os\n");

        Assert.Equal([("simplejson", true), ("json", true), ("os", false)], facts.Imports.Select(i => (i.Module, i.InTry)));
        Assert.All(facts.Imports, i => Assert.False(i.InFunction));
    }

    [Fact]
    public void Import_in_a_try_in_a_method_is_in_both()
    {
        var (_, import) = Single("class A:\n    def m(self):\n        try:\n            from x import y\n        finally:\n            pass\n");

        Assert.True(import.InFunction);
        Assert.True(import.InTry);
    }

    [Fact]
    public void Importlib_import_module_with_a_string_is_a_reference_to_the_string_content()
    {
        var (text, facts) = Parse("import importlib\nmod = importlib.import_module(\"a.b\")\nother = import_module('c')\n");

        var call = facts.Imports[1];
        Assert.Equal(ImportStyle.ImportModuleCall, call.Style);
        Assert.Equal("a.b", call.Module);
        Assert.Equal("a.b", text.Slice(call.ModuleSpan));
        Assert.Equal("importlib.import_module(\"a.b\")", text.Slice(call.Span));
        Assert.Equal(new SourceSpan(48, 3, 2, 32, 2, 35), call.ModuleSpan);
        Assert.Equal(("c", "c"), (facts.Imports[2].Module, text.Slice(facts.Imports[2].ModuleSpan)));
    }

    [Fact]
    public void Import_module_with_a_variable_is_not_a_reference()
    {
        var (_, facts) = Parse("import importlib\nname = 'a'\nimportlib.import_module(name)\n");

        Assert.Equal(["importlib"], facts.Imports.Select(i => i.Module));
    }

    [Fact]
    public void Dunder_import_with_a_string_is_a_reference()
    {
        var (text, import) = Single("def f():\n    return __import__(\"c.d\")\n");

        Assert.Equal(ImportStyle.DunderImport, import.Style);
        Assert.Equal("c.d", import.Module);
        Assert.Equal("c.d", text.Slice(import.ModuleSpan));
        Assert.True(import.InFunction);
    }

    [Fact]
    public void Mock_patch_targets_are_references_in_decorators_and_with_statements()
    {
        const string Source = """
            from unittest import mock
            from unittest.mock import patch

            @mock.patch("a.b.c.X")
            class TestX:
                @patch('a.b.c.Y.method')
                def test_y(self, y):
                    with unittest.mock.patch("a.b.Z"), patch.dict("a.b.ENV", {"k": "v"}):
                        pass
                    with mock.patch.object(y, "name"):
                        pass
                def test_z(self, mocker):
                    mocker.patch(target="a.b.W")

            """;
        var (text, facts) = Parse(Source);

        var patches = facts.Imports.Where(i => i.Style == ImportStyle.MockPatch).ToList();
        Assert.Equal(["a.b.c.X", "a.b.c.Y.method", "a.b.Z", "a.b.ENV", "a.b.W"], patches.Select(p => p.Module));
        Assert.All(patches, p => Assert.Equal(p.Module, text.Slice(p.ModuleSpan)));
        Assert.Equal([false, false, true, true, true], patches.Select(p => p.InFunction));
        Assert.Equal("mock.patch(\"a.b.c.X\")", text.Slice(patches[0].Span));
    }

    [Fact]
    public void String_reference_spans_the_content_of_prefixed_and_triple_quoted_strings()
    {
        var (text, facts) = Parse("importlib.import_module(r'''a.b''')\n__import__(u\"x\")\n");

        Assert.Equal(["a.b", "x"], facts.Imports.Select(i => text.Slice(i.ModuleSpan)));
    }

    [Fact]
    public void Imports_come_in_source_order_across_styles()
    {
        var (_, facts) = Parse("import a\ndef f():\n    import_module('b')\nfrom c import d\n");

        Assert.Equal([ImportStyle.Import, ImportStyle.ImportModuleCall, ImportStyle.From], facts.Imports.Select(i => i.Style));
    }

    [Fact]
    public void Top_level_names_cover_definitions_assignments_imports_and_dunder_all()
    {
        const string Source = """
            import os.path
            import numpy as np
            from a import b, c as d
            from e import *
            X = 1
            y: int = 2
            annotated_only: int
            p, (q, *r) = 1, (2, 3)
            def f(): pass
            async def g(): pass
            class K:
                inner = 1
                def method(self):
                    local = 2
            if True:
                try:
                    import json
                except ImportError:
                    json = None
            for i in range(3):
                pass
            with open("x") as handle:
                pass
            __all__ = ["f", "K", "exported_lazily"]

            """;
        var (_, facts) = Parse(Source);

        Assert.Equal(
            ["os", "np", "b", "d", "X", "y", "p", "q", "r", "f", "g", "K", "json", "i", "handle", "__all__", "exported_lazily"],
            facts.TopLevelNames.ToArray());
    }

    [Fact]
    public void Decoy_strings_and_comments_are_not_imports()
    {
        var (_, facts) = Parse("# import os\ns = 'import sys'\nx = patch\nmock.patch.object(a, 'b')\n");

        Assert.Empty(facts.Imports);
    }

    private (SourceText Text, PythonFacts Facts) Parse(string source)
    {
        var document = PythonSource.Document(source);
        var parsed = workers.Frontend.Parse(document, CancellationToken.None);
        Assert.Empty(parsed.Issues);
        PythonSource.AssertWellFormed(parsed, document.Text);
        return (document.Text, Assert.IsType<PythonFacts>(parsed.Facts));
    }

    private (SourceText Text, PythonImport Import) Single(string source)
    {
        var (text, facts) = Parse(source);
        return (text, Assert.Single(facts.Imports));
    }
}
