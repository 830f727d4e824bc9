using Consolidate.Analyzers.Clones;

namespace Consolidate.Analyzers.Tests.Clones;

/// <summary>A member needs MinTokens tokens and MinLines non-blank lines, both counted without comments and boilerplate.</summary>
public sealed class CloneSizeTests
{
    private const string Small = """
        def read_token(path):
            with open(path) as handle:
                token = handle.read().strip()
            if not token:
                raise ValueError("empty token file")
            return token
        """;

    [Fact]
    public void Copies_below_the_token_minimum_are_left_out()
    {
        var first = ("a.py", CloneSamples.PythonReport + "\n\n" + Small);
        var second = ("b.py", CloneSamples.PythonParse + "\n\n" + Small);
        var renamed = ("c.py", Small.Replace("token", "secret").Replace("empty", "blank"));
        var renamedAgain = ("d.py", Small.Replace("token", "key").Replace("empty", "missing"));

        Assert.Empty(CloneRun.Of(first, second));
        Assert.Empty(CloneRun.Of(renamed, renamedAgain));

        Assert.Equal(CloneKind.Exact, Assert.Single(CloneRun.Of(new CloneOptions { MinTokens = 20 }, first, second)).Kind);
        Assert.Equal(CloneKind.Renamed, Assert.Single(CloneRun.Of(new CloneOptions { MinTokens = 20 }, renamed, renamedAgain)).Kind);
    }

    [Fact]
    public void Verbatim_copies_of_small_whole_files_need_only_the_line_minimum()
    {
        const string Entrypoint = "#!/usr/bin/env bash\nset -euo pipefail\necho one\necho two\necho three\necho four\necho five\n";

        var cluster = Assert.Single(CloneRun.Of(("agents/a/token.py", Small), ("agents/b/token.py", "# copied\n" + Small)));
        Assert.Equal((CloneScope.File, CloneKind.Exact), (cluster.Scope, cluster.Kind));
        Assert.Equal(CloneKind.Exact, Assert.Single(CloneRun.Of(("a.sh", Entrypoint), ("b.sh", Entrypoint))).Kind);

        // Five lines of code are too few, however many comments surround them.
        var fiveLines = "# one\n# two\n# three\n" + string.Join("\n", Small.Split('\n').Take(5)) + "\n# four\n";
        Assert.Empty(CloneRun.Of(("a.py", fiveLines), ("b.py", fiveLines)));
        Assert.Empty(CloneRun.Of(("a.sh", Entrypoint.Replace("echo five\n", "")), ("b.sh", Entrypoint.Replace("echo five\n", ""))));
    }

    [Fact]
    public void Copies_below_the_line_minimum_are_left_out_however_long_their_lines()
    {
        var dense = "CONFIG = {" + string.Join(", ", Enumerable.Range(0, 30).Select(i => $"\"key{i}\": {i}")) + "}\nLIMITS = [" + string.Join(", ", Enumerable.Range(0, 20)) + "]\n";

        Assert.Empty(CloneRun.Of(("a.py", dense), ("b.py", dense)));
        Assert.Single(CloneRun.Of(new CloneOptions { MinLines = 2 }, ("a.py", dense), ("b.py", dense)));
    }

    [Fact]
    public void Comments_blank_lines_and_imports_do_not_count_towards_the_minimum()
    {
        var fiveLines = string.Join("\n", Small.Split('\n').Take(5)) + "\n";
        var padded = "# Copyright 2024 Example Corp.\n# Licensed under the Apache License, Version 2.0.\n\nimport os\nimport sys\nimport json\nimport logging\nfrom pathlib import Path\nfrom typing import Any, Dict, List, Optional\n\n\n" + fiveLines.Replace("\n", "\n    # step\n\n");

        // Renamed copies, so only the size rules decide (a verbatim copy of a whole file counts its imports as code).
        Assert.True(TestTokenBuilder.File("a.py", padded).Tokens.Count(t => t.Kind != Model.TokenKind.Comment) >= 50);
        Assert.Empty(CloneRun.Of(("a.py", padded), ("b.py", padded.Replace("empty token file", "token file is blank"))));
    }

    [Fact]
    public void Other_and_unparsed_languages_follow_their_own_rules()
    {
        var text = string.Join("\n", Enumerable.Range(0, 12).Select(i => $"line {i} of the release notes, nothing to parse here"));
        var csharp = "namespace Deploy;\n\npublic sealed class Publisher\n{\n    public int Publish(string path, int replicas)\n    {\n        var total = 0;\n        for (var i = 0; i < replicas; i++)\n            total += path.Length * i;\n        return total + replicas;\n    }\n}\n";

        Assert.Empty(CloneRun.Of(("notes/a.txt", text), ("notes/b.txt", text)));
        var cluster = Assert.Single(CloneRun.Of(("src/A.cs", csharp), ("src/B.cs", csharp.Replace("total", "sum").Replace("Publisher", "Sender"))));
        Assert.Equal((Model.Language.CSharp, CloneScope.File, CloneKind.Renamed), (cluster.Language, cluster.Scope, cluster.Kind));
    }
}
