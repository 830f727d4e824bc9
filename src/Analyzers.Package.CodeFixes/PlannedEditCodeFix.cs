using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Consolidate.Analyzers.Package.CodeFixes;

/// <summary>
/// CONS101 (a non-root user for the final stage) and CONS102 (a configured pin for an untagged or <c>latest</c> base
/// image) in a Dockerfile: applies the edit the analyzer planned with the <c>container-security</c> fix family's own
/// code (<see cref="FixProperties"/>), so the document ends as <c>consolidate-analyze fix</c> would leave it. The
/// analyzer plans only safe edits: where the family refuses (no pin configured, a stage that needs root, an unknown
/// base image...), the diagnostic carries no edit and no fix is offered. Nothing is offered either when the document
/// changed since the analysis.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PlannedEditCodeFix))]
[Shared]
public sealed class PlannedEditCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["CONS101", "CONS102"];

    public override FixAllProvider? GetFixAllProvider() => null;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.TextDocument;
        var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Planned(diagnostic, text) is not { } planned)
                continue;
            context.RegisterCodeFix(
                CodeAction.Create(
                    planned.Title,
                    cancellationToken => Apply(document, planned.Change, cancellationToken),
                    equivalenceKey: nameof(PlannedEditCodeFix) + "." + diagnostic.Id),
                diagnostic);
        }
    }

    private static (string Title, TextChange Change)? Planned(Diagnostic diagnostic, SourceText text)
    {
        var properties = diagnostic.Properties;
        if (!properties.TryGetValue(FixProperties.Title, out var title) || title is null
            || !properties.TryGetValue(FixProperties.Text, out var replacement) || replacement is null
            || Number(properties, FixProperties.Start) is not { } start
            || Number(properties, FixProperties.Length) is not { } length
            || Number(properties, FixProperties.DocumentLength) != text.Length
            || start < 0 || length < 0 || start + length > text.Length)
            return null;
        return (title, new TextChange(new TextSpan(start, length), replacement));
    }

    private static int? Number(ImmutableDictionary<string, string?> properties, string key) =>
        properties.TryGetValue(key, out var value) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>The solution with <paramref name="change"/> made to the additional document (the text as it is now).</summary>
    internal static async Task<Solution> Apply(TextDocument document, TextChange change, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.Project.Solution.WithAdditionalDocumentText(document.Id, text.WithChanges(change));
    }
}
