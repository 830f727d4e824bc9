using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Scanning;
using Consolidate.Tests.Support;

namespace Consolidate.Analyzers.Tests.References;

/// <summary>C# string literals as 'other' references: what resolves, what is dangling, and what is left alone.</summary>
public sealed class CSharpReferenceTests
{
    private static readonly Lazy<FrontendSet> Frontends = new(() => FrontendFactory.Create(new FrontendOptions { PythonWorkers = 1 }));

    private static List<string> Edges(params (string Path, string Text)[] files)
    {
        using var tree = new TempTree();
        foreach (var (path, text) in files)
            tree.Write(path, text);
        var result = new RepositoryAnalyzer(ConsolidateConfig.Default, Frontends.Value, new ScanOptions()).Analyze(tree.Root, null, CancellationToken.None);
        return result.Model.References.References
            .Where(r => r.Source.EndsWith(".cs", StringComparison.Ordinal))
            .Select(r => $"{r.Source}:{r.Line} {r.Kind} {r.Target} {(r.Resolved ? "resolved" : r.Unknowable is null ? "dangling" : "unknown")}")
            .ToList();
    }

    [Fact]
    public void Literals_resolve_from_the_file_the_project_and_the_root()
    {
        var edges = Edges(
            ("src/Tool/Tool.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n"),
            ("src/Tool/Jobs/Runner.cs", """
                class Runner
                {
                    string a = "local.sh";
                    string b = "tools/build.py";
                    string c = @"scripts/deploy.sh";
                    string d = "./docker-compose.yml";
                    string e = "deploy/Dockerfile";
                }
                """),
            ("src/Tool/Jobs/local.sh", "echo local\n"),
            ("src/Tool/tools/build.py", "print(1)\n"),
            ("scripts/deploy.sh", "echo deploy\n"),
            ("src/Tool/Jobs/docker-compose.yml", "services: {}\n"),
            ("deploy/Dockerfile", "FROM alpine:3.20\n"));

        Assert.Equal(
            [
                "src/Tool/Jobs/Runner.cs:3 Other src/Tool/Jobs/local.sh resolved",
                "src/Tool/Jobs/Runner.cs:4 Other src/Tool/tools/build.py resolved",
                "src/Tool/Jobs/Runner.cs:5 Other scripts/deploy.sh resolved",
                "src/Tool/Jobs/Runner.cs:6 Other src/Tool/Jobs/docker-compose.yml resolved",
                "src/Tool/Jobs/Runner.cs:7 Other deploy/Dockerfile resolved",
            ],
            edges);
    }

    [Fact]
    public void Only_clear_repository_paths_to_scripts_used_as_paths_are_dangling()
    {
        var edges = Edges(
            ("App.cs", """
                class App
                {
                    string[] all =
                    [
                        "scripts/missing.sh",
                        "./migrate.py",
                        "missing.sh",
                        "nowhere/missing.sh",
                        "scripts/notes.txt",
                        "scripts/run me.sh",
                        "/opt/app/scripts/x.sh",
                        "https://example.invalid/scripts/x.sh",
                        "scripts/{0}.sh",
                        "../outside/x.sh",
                        "scripts\\win.sh",
                    ];
                    string interpolated = $"scripts/{name}.sh";
                    // "scripts/in-a-comment.sh"
                    string dotted = "./scripts/gone.sh";

                    [InlineData("scripts/test-case.sh")]
                    void M(string path)
                    {
                        if (path == "scripts/compared.sh" || path.EndsWith("scripts/suffix.sh"))
                            Assert.Equal("scripts/expected.sh", path);
                        var kind = path switch { "scripts/pattern.sh" => 1, _ => 0 };
                    }
                }
                """),
            ("scripts/present.sh", "echo present\n"));

        Assert.Equal(
            [
                "App.cs:5 Other scripts/missing.sh dangling",
                "App.cs:19 Other scripts/gone.sh dangling",
            ],
            edges);
    }

    [Fact]
    public void Cs_files_stay_plain_text_for_clones_and_rules()
    {
        using var tree = new TempTree();
        tree.Write("A.cs", "class A { string s = \"scripts/x.sh\"; }\n").Write("scripts/x.sh", "echo x\n");
        var result = new RepositoryAnalyzer(ConsolidateConfig.Default, Frontends.Value, new ScanOptions()).Analyze(tree.Root, null, CancellationToken.None);

        var file = result.Model.File("A.cs")!;
        Assert.Equal(Consolidate.Analyzers.Model.ParseStatus.Ok, file.Status);
        Assert.Empty(file.Tokens);
        Assert.Equal("scripts/x.sh", Assert.Single(file.FactsAs<Consolidate.Analyzers.Model.CSharpFacts>()!.Strings).Value);
    }
}
