using System.Text;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Clones;

/// <summary>
/// Builds <see cref="FileModel"/>s through the real frontends (tree-sitter-bash, the CPython workers, the Dockerfile
/// and compose readers), with the status the scan would give them, for clone tests on real token streams.
/// </summary>
internal static class RealFrontendFiles
{
    private static readonly Lazy<FrontendSet> Frontends = new(() => FrontendFactory.Create(new FrontendOptions { PythonWorkers = 1 }));

    public static FileModel File(string path, string text)
    {
        var language = TestTokenBuilder.LanguageOf(path);
        var source = new SourceText(text);
        var frontend = Frontends.Value.For(language);
        if (frontend is null)
            return new FileModel(path, language, ParseStatus.Ok, null, source, null);
        var parsed = frontend.Parse(new SourceDocument(path, language, Encoding.UTF8.GetBytes(text), source, null), CancellationToken.None);
        var status = parsed.Failed ? ParseStatus.Failed : parsed.Issues.IsEmpty ? ParseStatus.Ok : ParseStatus.Recovered;
        return new FileModel(path, language, status, null, source, parsed);
    }

    public static IReadOnlyList<FileModel> Files(params (string Path, string Text)[] files) => files.Select(f => File(f.Path, f.Text)).ToList();
}
