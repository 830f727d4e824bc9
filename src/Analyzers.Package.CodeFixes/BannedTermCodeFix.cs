using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Consolidate.Analyzers.Package.CodeFixes;

/// <summary>
/// CONS401 banned-term in a comment: writes the configured replacement in place, in the additional document (a script,
/// Dockerfile, compose or Python file). Only where the fix is safe and local: the analyzer puts the replacement on the
/// diagnostic (<see cref="ReplacementProperty"/>) for terms in comments, whose rewording changes no behaviour; terms in
/// identifiers and strings need every use changed together, which <c>consolidate-analyze fix</c> does.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BannedTermCodeFix))]
[Shared]
public sealed class BannedTermCodeFix : CodeFixProvider
{
    /// <summary>The diagnostic property holding the replacement text (same case form as the term found).</summary>
    public const string ReplacementProperty = FixProperties.Replacement;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["CONS401"];

    public override FixAllProvider? GetFixAllProvider() => null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ReplacementProperty, out var replacement) || replacement is null)
                continue;
            var document = context.TextDocument;
            var span = diagnostic.Location.SourceSpan;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Write '{replacement}'",
                    cancellationToken => PlannedEditCodeFix.Apply(document, new TextChange(span, replacement), cancellationToken),
                    equivalenceKey: nameof(BannedTermCodeFix) + "." + replacement),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
