extern alias package;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PackageAnalyzer = package::Consolidate.Analyzers.Package.ConsolidateAnalyzer;

namespace Consolidate.Analyzers.Package.Tests.Support;

/// <summary>
/// Runs the analyzer package the way the compiler does, without Microsoft.CodeAnalysis.Testing: a one-class
/// <see cref="CSharpCompilation"/>, the files as <see cref="AdditionalText"/>s, options from a
/// <see cref="TestOptionsProvider"/>, and <see cref="CompilationWithAnalyzers"/>.
/// </summary>
internal static class PackageHarness
{
    public static ImmutableArray<Diagnostic> Run(
        string root,
        IEnumerable<(string RelativePath, string Text)> files,
        ImmutableDictionary<string, string>? globalOptions = null,
        Func<string, ImmutableDictionary<string, string>>? perFile = null,
        ImmutableDictionary<string, ReportDiagnostic>? globalDiagnostics = null)
    {
        var texts = files.Select(f => (AdditionalText)new InMemoryAdditionalText(root + "/" + f.RelativePath, f.Text)).ToImmutableArray();
        var global = (globalOptions ?? ImmutableDictionary<string, string>.Empty).SetItem("build_property.ConsolidateRoot", root);
        var options = new AnalyzerOptions(texts, new TestOptionsProvider(global, perFile is null ? null : path => perFile(path[(root.Length + 1)..])));
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSpecificDiagnosticOptions(globalDiagnostics ?? ImmutableDictionary<string, ReportDiagnostic>.Empty);
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("public sealed class Consumer { }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            compilationOptions);
        var withAnalyzers = compilation.WithAnalyzers([new PackageAnalyzer()], options);
        return withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult()
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition.Line)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>Every file under a folder, read as UTF-8 (as the compiler reads additional files), with repo-relative paths.</summary>
    public static IEnumerable<(string RelativePath, string Text)> FilesUnder(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => (Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllText(p)))
            .OrderBy(f => f.Item1, StringComparer.Ordinal);

    public static string RepoRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Analyzers.sln not found");
    }
}
