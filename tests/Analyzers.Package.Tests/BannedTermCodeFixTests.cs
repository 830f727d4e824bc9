using System.Collections.Immutable;
using Consolidate.Analyzers.Package.CodeFixes;
using Consolidate.Analyzers.Package.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using Diagnostic = Microsoft.CodeAnalysis.Diagnostic;

namespace Consolidate.Analyzers.Package.Tests;

/// <summary>The CONS401 code fix rewrites a banned term in a comment of an additional document, and offers nothing elsewhere.</summary>
public sealed class BannedTermCodeFixTests
{
    private const string Config = "terms:\n  - term: conceptual\n    replacement: theoretical\n";
    private const string Script = "#!/bin/bash\n# Conceptual steps first\nCONCEPTUAL_MODE=1\necho \"$CONCEPTUAL_MODE\"\n";

    [Fact]
    public async Task A_term_in_a_comment_is_replaced_in_its_case_form()
    {
        var (fixedText, offered) = await Fix("# Conceptual steps first");
        Assert.Equal(1, offered);
        Assert.Equal(Script.Replace("# Conceptual steps", "# Theoretical steps", StringComparison.Ordinal), fixedText);
    }

    [Fact]
    public async Task A_term_in_an_identifier_gets_no_local_fix()
    {
        var (fixedText, offered) = await Fix("CONCEPTUAL_MODE=1");
        Assert.Equal(0, offered);
        Assert.Equal(Script, fixedText);
    }

    private static async Task<(string Text, int Offered)> Fix(string line)
    {
        var found = PackageHarness.Run("/repo", [("consolidate.yml", Config), ("run.sh", Script)]);
        var lineNumber = Script.Split('\n').ToList().IndexOf(line);
        var diagnostic = Assert.Single(found, d => d.Id == "CONS401" && d.Location.GetLineSpan().StartLinePosition.Line == lineNumber);

        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Consumer", LanguageNames.CSharp);
        var documentId = DocumentId.CreateNewId(project.Id);
        Assert.True(workspace.TryApplyChanges(workspace.CurrentSolution.AddAdditionalDocument(documentId, "run.sh", SourceText.From(Script), filePath: "/repo/run.sh")));
        var document = workspace.CurrentSolution.GetAdditionalDocument(documentId)!;
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic.Location.SourceSpan, ImmutableArray.Create(diagnostic), (action, _) => actions.Add(action), CancellationToken.None);
        await new BannedTermCodeFix().RegisterCodeFixesAsync(context);

        var solution = workspace.CurrentSolution;
        foreach (var operation in actions.Count == 0 ? [] : await actions[0].GetOperationsAsync(CancellationToken.None))
        {
            if (operation is ApplyChangesOperation apply)
                solution = apply.ChangedSolution;
        }

        var text = await solution.GetAdditionalDocument(document.Id)!.GetTextAsync();
        return (text.ToString(), actions.Count);
    }
}
