using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Consolidate.Analyzers.Package.Tests.Support;

/// <summary>An additional file with a path and a text, as the compiler hands them to analyzers.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText source = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => source;
}
