using System.Text;
using CsCheck;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Python;

/// <summary>Whatever the bytes, Parse returns a value (never throws, never fails a file) that keeps the model's promises.</summary>
[Collection(PythonWorkersCollection.Name)]
public sealed class PythonFrontendPropertyTests(PythonWorkersFixture workers)
{
    private static readonly string[] Fragments =
    [
        "def ", "class ", "f", "(", ")", ":", "\n", "    ", "\t", "return ", "import ", "from ", " as ", ".", "..", ",", "x", "1",
        "'", "\"", "\"\"\"", "f\"", "{", "}", "[", "]", "#", " ", "\\\n", "\r\n", "\r", "if ", "else", "try:", "except ", "lambda",
        "@", "=", "+", "é", "😀", "\0", "importlib.import_module(", "mock.patch(", "__import__(", "'a.b'", "print ", "\f",
    ];

    private static readonly string[] ValidFiles =
    [
        "import os\nfrom a.b import (c,\n    d as e)\n\ndef f(x, *args, **kw):\n    \"\"\"Doc.\"\"\"\n    return [i for i in x if i]\n",
        "class K(Base):\n    @property\n    def v(self):\n        try:\n            return importlib.import_module('p.q')\n        except ImportError:\n            return None\n",
        "s = f\"{a!r:>{w}} 😀\" + 'é'\nwith mock.patch(\"a.b.C\") as m, open(p) as h:\n    pass\nasync def g():\n    await h\n",
    ];

    [Fact]
    public void Random_strings_never_throw_and_keep_the_invariants() =>
        Gen.String[0, 120].Sample(Check, iter: 150);

    [Fact]
    public void Python_like_fragments_never_throw_and_keep_the_invariants() =>
        Gen.Int[0, Fragments.Length - 1].Array[0, 50]
            .Select(indexes => string.Concat(indexes.Select(i => Fragments[i])))
            .Sample(Check, iter: 200);

    [Fact]
    public void Mutated_valid_python_never_throws_and_keeps_the_invariants()
    {
        var edit = Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Int[0, 12], Gen.Int[0, Fragments.Length - 1]);
        Gen.Select(Gen.Int[0, ValidFiles.Length - 1], edit.Array[1, 6], (file, edits) => Mutate(ValidFiles[file], edits))
            .Sample(Check, iter: 200);
    }

    [Fact]
    public void Random_bytes_never_throw_and_keep_the_invariants() =>
        Gen.Byte.Array[0, 120].Sample(bytes => Check(PythonSource.Document(bytes)), iter: 100);

    [Fact]
    public void Valid_files_parse_without_issues()
    {
        foreach (var file in ValidFiles)
        {
            var parsed = workers.Frontend.Parse(PythonSource.Document(file), CancellationToken.None);

            Assert.Empty(parsed.Issues);
            Assert.IsType<PythonFacts>(parsed.Facts);
        }
    }

    private void Check(string text) => Check(PythonSource.Document(Encoding.UTF8.GetBytes(text)));

    private void Check(SourceDocument document)
    {
        var parsed = workers.Frontend.Parse(document, CancellationToken.None);

        Assert.False(parsed.Failed, parsed.Issues.FirstOrDefault()?.Message);
        Assert.Equal(document.Text.Span(0, document.Text.Text.Length), parsed.Root.Span);
        PythonSource.AssertWellFormed(parsed, document.Text);
        // No facts only for a file CPython's ast rejected, which is always an issue (an accepted file may have one too:
        // a stray non-UTF-8 byte in a comment).
        Assert.True(parsed.Facts is PythonFacts || !parsed.Issues.IsEmpty);
    }

    private static string Mutate(string text, (int Kind, int At, int Length, int Fragment)[] edits)
    {
        var builder = new StringBuilder(text);
        foreach (var (kind, at, length, fragment) in edits)
        {
            var start = builder.Length == 0 ? 0 : at % builder.Length;
            var count = Math.Min(length, builder.Length - start);
            switch (kind)
            {
                case 0:
                    builder.Remove(start, count);
                    break;
                case 1:
                    builder.Insert(start, Fragments[fragment]);
                    break;
                default:
                    builder.Insert(start, builder.ToString(start, count));
                    break;
            }
        }

        return builder.ToString();
    }
}
