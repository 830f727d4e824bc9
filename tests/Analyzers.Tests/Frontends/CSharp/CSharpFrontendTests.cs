using Consolidate.Analyzers.Frontends.CSharp;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.CSharp;

public sealed class CSharpFrontendTests
{
    private static CSharpFacts Parse(string text)
    {
        var document = new SourceDocument("A.cs", Language.CSharp, System.Text.Encoding.UTF8.GetBytes(text), new SourceText(text), null);
        var parsed = new CSharpFrontend().Parse(document, CancellationToken.None);
        Assert.False(parsed.Failed);
        Assert.Empty(parsed.Issues);
        return parsed.Facts as CSharpFacts ?? throw new InvalidOperationException("no C# facts");
    }

    [Fact]
    public void Constant_literals_that_could_be_paths_are_read_with_escapes_resolved_and_spans_as_written()
    {
        var facts = Parse("class A\n{\n    string a = \"a\\\\b.sh\";\n    string b = @\"say:\"\"hi\"\"\";\n    string f = \"not a path\";\n    string c = \"\"\"raw/x.sh\"\"\";\n    char d = 'x';\n    string e = $\"i/{d}.sh\";\n    // \"comment.sh\"\n}\n");

        Assert.Equal(["a\\b.sh", "say:\"hi\"", "raw/x.sh"], facts.Strings.Select(s => s.Value));
        var first = facts.Strings[0].Span;
        Assert.Equal((3, 16), (first.StartLine, first.StartColumn));
        Assert.Equal(6, facts.Strings[2].Span.StartLine);
    }

    [Fact]
    public void Literals_the_code_compares_with_or_passes_to_attributes_are_marked_as_data()
    {
        var facts = Parse("[Case(\"a.sh\")]\nclass A\n{\n    bool M(string p) => p == \"b.sh\" || p.EndsWith(\"c.sh\") || Run(\"d.sh\") || p is \"e.sh\";\n}\n");

        Assert.Equal([("a.sh", true), ("b.sh", true), ("c.sh", true), ("d.sh", false), ("e.sh", true)], facts.Strings.Select(s => (s.Value, s.Compared)));
    }

    [Fact]
    public void Broken_code_still_gives_its_literals_and_never_throws()
    {
        var facts = Parse("class A { void M() { Run(\"scripts/x.sh\" \n");

        Assert.Equal("scripts/x.sh", Assert.Single(facts.Strings).Value);
    }
}
