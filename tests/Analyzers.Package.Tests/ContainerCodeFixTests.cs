using System.Collections.Immutable;
using System.Text;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Package.CodeFixes;
using Consolidate.Analyzers.Package.Tests.Support;
using Consolidate.Analyzers.Scanning;
using Consolidate.Rewriters.Apply;
using Consolidate.Rewriters.Patches;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using RoslynDiagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace Consolidate.Analyzers.Package.Tests;

/// <summary>
/// The CONS101 (non-root user) and CONS102 (configured pin) code fixes on additional documents: offered exactly where
/// <c>consolidate-analyze fix</c>'s container-security family writes a safe edit, and leaving the document byte for
/// byte as that family's patch leaves the file (the CLI's fix run on the same files, its patch applied).
/// </summary>
public sealed class ContainerCodeFixTests
{
    private const string Pins = "pins:\n  python: 3.12.7-slim\n  node: 22.11-bookworm-slim\n";

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public async Task A_user_is_added_as_the_cli_adds_it(string newline)
    {
        var dockerfile = Lines(newline, "FROM python:3.12-slim", "WORKDIR /srv/app", "COPY app.py .", "# Serve the API.", "EXPOSE 8000", "CMD [\"python\", \"app.py\"]");
        (string, string)[] files = [("app/Dockerfile", dockerfile), ("app/app.py", "print('hi')\n")];

        var (text, title) = await Fix(files, "app/Dockerfile", "CONS101");

        Assert.Equal("Add a non-root user (USER 10001:10001)", title);
        Assert.Contains("USER 10001:10001" + newline + "# Serve the API.", text, StringComparison.Ordinal);
        Assert.Equal(CliResult(files, "app/Dockerfile"), Encoding.UTF8.GetBytes(text!));
    }

    [Fact]
    public async Task An_alpine_user_is_added_at_the_end_when_nothing_trails()
    {
        (string, string)[] files = [("worker/Dockerfile", "FROM alpine:3.20\nWORKDIR /work\nCOPY run.sh .\nRUN chmod +x run.sh"), ("worker/run.sh", "#!/bin/sh\necho ok\n")];

        var (text, _) = await Fix(files, "worker/Dockerfile", "CONS101");

        Assert.EndsWith("\nUSER 10001:10001", text, StringComparison.Ordinal);
        Assert.Equal(CliResult(files, "worker/Dockerfile"), Encoding.UTF8.GetBytes(text!));
    }

    [Theory]
    [InlineData("FROM python:3.12-slim\nWORKDIR /site\nEXPOSE 80\nCMD [\"python\", \"-m\", \"http.server\", \"80\"]\n")]
    [InlineData("FROM gcr.io/distroless/python3-debian12:nonroot\nWORKDIR /app\nCMD [\"app.py\"]\n")]
    [InlineData("FROM debian:bookworm-slim\nWORKDIR /data\nENTRYPOINT [\"gosu\", \"nobody\", \"true\"]\n")]
    [InlineData("FROM python:3.12-slim\nCOPY tool.py /tool.py\nCMD [\"python\", \"/tool.py\"]\n")]
    [InlineData("FROM python:3.12-slim\nWORKDIR /app\nUSER root\n")]
    public async Task No_user_fix_where_the_family_refuses(string dockerfile)
    {
        (string, string)[] files = [("Dockerfile", dockerfile)];

        var (text, title) = await Fix(files, "Dockerfile", "CONS101");

        Assert.Null(title);
        Assert.Equal(dockerfile, text);
        Assert.Equal(Encoding.UTF8.GetBytes(dockerfile), CliResult(files, "Dockerfile"));
    }

    [Fact]
    public async Task No_user_fix_when_a_compose_service_bind_mounts_into_it()
    {
        (string, string)[] files =
        [
            ("app/Dockerfile", "FROM python:3.12-slim\nWORKDIR /app\nCMD [\"python\", \"-V\"]\n"),
            ("docker-compose.yml", "services:\n  app:\n    build: ./app\n    volumes:\n      - ./data:/app/data\n"),
        ];

        var (_, title) = await Fix(files, "app/Dockerfile", "CONS101");

        Assert.Null(title);
        Assert.Equal(Encoding.UTF8.GetBytes(files[0].Item2), CliResult(files, "app/Dockerfile"));
    }

    [Theory]
    [InlineData("FROM python:latest\nUSER 10001\n", "FROM python:3.12.7-slim\nUSER 10001\n")]
    [InlineData("FROM --platform=linux/amd64 node AS build\nRUN true\nFROM python:3.12.7-slim\nUSER 10001\n", "FROM --platform=linux/amd64 node:22.11-bookworm-slim AS build\nRUN true\nFROM python:3.12.7-slim\nUSER 10001\n")]
    [InlineData("FROM python:LATEST AS runtime\r\nUSER 10001\r\n", "FROM python:3.12.7-slim AS runtime\r\nUSER 10001\r\n")]
    public async Task A_configured_pin_is_written_as_the_cli_writes_it(string dockerfile, string expected)
    {
        (string, string)[] files = [("consolidate.yml", Pins), ("Dockerfile", dockerfile)];

        var (text, title) = await Fix(files, "Dockerfile", "CONS102");

        Assert.StartsWith("Pin the base image to ", title, StringComparison.Ordinal);
        Assert.Equal(expected, text);
        Assert.Equal(CliResult(files, "Dockerfile"), Encoding.UTF8.GetBytes(text!));
    }

    [Theory]
    [InlineData(Pins, "FROM redis:latest\nUSER redis\n")]
    [InlineData(Pins, "ARG BASE=python\nFROM ${BASE}\nUSER 10001\n")]
    [InlineData("terms: []\n", "FROM python:latest\nUSER 10001\n")]
    [InlineData(null, "FROM python\nUSER 10001\n")]
    public async Task No_pin_fix_without_a_configured_pin_or_for_a_variable(string? config, string dockerfile)
    {
        (string, string)[] files = config is null ? [("Dockerfile", dockerfile)] : [("consolidate.yml", config), ("Dockerfile", dockerfile)];

        var (text, title) = await Fix(files, "Dockerfile", "CONS102");

        Assert.Null(title);
        Assert.Equal(dockerfile, text);
        Assert.Equal(Encoding.UTF8.GetBytes(dockerfile), CliResult(files, "Dockerfile"));
    }

    [Fact]
    public async Task Both_fixes_in_turn_give_the_cli_patch()
    {
        const string Dockerfile = "# API image.\nFROM python:latest\nWORKDIR /srv/api\nCOPY app.py .\nCMD [\"python\", \"app.py\"]\n";
        (string, string)[] files = [("consolidate.yml", Pins), ("api/Dockerfile", Dockerfile), ("api/app.py", "print('api')\n")];

        var (pinned, _) = await Fix(files, "api/Dockerfile", "CONS102");
        (string, string)[] after = [files[0], ("api/Dockerfile", pinned!), files[2]];
        var (both, _) = await Fix(after, "api/Dockerfile", "CONS101");

        Assert.Equal(CliResult(files, "api/Dockerfile"), Encoding.UTF8.GetBytes(both!));
    }

    [Fact]
    public async Task Nothing_is_offered_on_a_document_changed_since_the_analysis()
    {
        (string, string)[] files = [("consolidate.yml", Pins), ("Dockerfile", "FROM python:latest\nUSER 10001\n")];

        var (text, title) = await Fix(files, "Dockerfile", "CONS102", editedText: "# edited\nFROM python:latest\nUSER 10001\n");

        Assert.Null(title);
        Assert.Equal("# edited\nFROM python:latest\nUSER 10001\n", text);
    }

    private static string Lines(string newline, params string[] lines) => string.Join(newline, lines) + newline;

    /// <summary>
    /// Runs the analyzer on the files, then <see cref="PlannedEditCodeFix"/> on the diagnostic of <paramref name="id"/> in
    /// <paramref name="path"/> (in a workspace holding <paramref name="editedText"/> when given); returns the document's
    /// text after the first action and that action's title (null when none was offered).
    /// </summary>
    private static async Task<(string? Text, string? Title)> Fix((string Path, string Text)[] files, string path, string id, string? editedText = null)
    {
        var diagnostics = PackageHarness.Run("/repo", files);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == id && d.Location.GetLineSpan().Path == "/repo/" + path);
        var original = files.Single(f => f.Path == path).Text;

        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Consumer", LanguageNames.CSharp);
        var documentId = DocumentId.CreateNewId(project.Id);
        Assert.True(workspace.TryApplyChanges(workspace.CurrentSolution.AddAdditionalDocument(documentId, path, SourceText.From(editedText ?? original), filePath: "/repo/" + path)));
        var document = workspace.CurrentSolution.GetAdditionalDocument(documentId)!;
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic.Location.SourceSpan, ImmutableArray.Create<RoslynDiagnostic>(diagnostic), (action, _) => actions.Add(action), CancellationToken.None);
        await new PlannedEditCodeFix().RegisterCodeFixesAsync(context);

        var solution = workspace.CurrentSolution;
        foreach (var operation in actions.Count == 0 ? [] : await actions[0].GetOperationsAsync(CancellationToken.None))
        {
            if (operation is ApplyChangesOperation apply)
                solution = apply.ChangedSolution;
        }

        var text = await solution.GetAdditionalDocument(document.Id)!.GetTextAsync();
        return (text.ToString(), actions.Count == 0 ? null : actions[0].Title);
    }

    /// <summary>The bytes of <paramref name="path"/> after <c>consolidate-analyze fix --only container-security</c> on the same files and its patch applied.</summary>
    private static byte[] CliResult((string Path, string Text)[] files, string path)
    {
        var root = Path.Combine(Path.GetTempPath(), "consolidate-codefix-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var (relative, text) in files)
            {
                var full = Path.Combine(root, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllBytes(full, Encoding.UTF8.GetBytes(text));
            }

            var (config, errors) = ConfigFiles.LoadConfig(root, null);
            Assert.True(config is not null, string.Join("; ", errors));
            using var frontends = FrontendFactory.Create(new FrontendOptions { PythonWorkers = 1 });
            var analyzer = new RepositoryAnalyzer(config!, frontends, new ScanOptions { Excludes = config!.Exclude, MaxFileBytes = config.MaxFileBytes });
            var scan = analyzer.Analyze(root, null, CancellationToken.None);
            var set = PatchSetBuilder.Build(root, scan, analyzer, new FixOptions(["container-security"], false, "repo"), CancellationToken.None);

            var before = File.ReadAllBytes(Path.Combine(root, path));
            var patch = set.Patches.SingleOrDefault(p => p.Family == "container-security");
            if (patch is null)
                return before;
            Assert.All(patch.Checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Detail}"));
            var (diffs, problem) = UnifiedDiffParser.Parse(patch.Content, patch.FileName);
            Assert.Null(problem);
            if (diffs.SingleOrDefault(d => d.Path == path) is not { } diff)
                return before;
            var (after, applyProblem) = UnifiedDiffApplier.Apply(diff, before);
            Assert.Null(applyProblem);
            return after!;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
