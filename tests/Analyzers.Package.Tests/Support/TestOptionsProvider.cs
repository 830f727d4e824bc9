using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Consolidate.Analyzers.Package.Tests.Support;

/// <summary>
/// Analyzer options as the compiler would merge them: global keys (build properties, .globalconfig) and per-file keys
/// (the .editorconfig sections matching each additional file, which win over global ones).
/// </summary>
internal sealed class TestOptionsProvider(
    ImmutableDictionary<string, string> global,
    Func<string, ImmutableDictionary<string, string>>? perFile = null) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        new DictionaryOptions(global.SetItems(perFile?.Invoke(textFile.Path) ?? ImmutableDictionary<string, string>.Empty));

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) =>
            values.WithComparers(StringComparer.OrdinalIgnoreCase).TryGetValue(key, out value);
    }
}
