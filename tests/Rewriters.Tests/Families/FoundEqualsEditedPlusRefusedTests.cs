using Consolidate.Rewriters.Families.BannedTerms;
using Consolidate.Rewriters.Families.ComposeResources;
using Consolidate.Rewriters.Tests.Support;

namespace Consolidate.Rewriters.Tests.Families;

/// <summary>Every finding a family answers ends as an edit or a refusal, never silently dropped (STYLE.md section 3).</summary>
public sealed class FoundEqualsEditedPlusRefusedTests
{
    [Theory]
    [InlineData("banned-terms")]
    [InlineData("banned-terms-unsafe")]
    [InlineData("banned-terms-unrenamed-reference")]
    [InlineData("banned-terms-collision")]
    public void Every_banned_term_is_edited_or_refused(string fixture)
    {
        var scan = FixRunner.Scan(Path.Combine(Tools.RepositoryPath("tests/Fixtures"), fixture, "input"));
        var changes = new BannedTermsRewriter().Rewrite(FixContext.From(scan), CancellationToken.None);
        var found = scan.Reported.Where(d => d.Rule.Id == "CONS401").ToList();
        Assert.NotEmpty(found);

        var edited = 0;
        var refused = 0;
        foreach (var finding in found)
        {
            var text = scan.Model.File(finding.Path)!.Text!;
            var offset = text.Offset(finding.Line, finding.Column);
            var edit = changes.Files.Where(f => f.Path == finding.Path).SelectMany(f => f.Edits).SingleOrDefault(e => e.Start == offset);
            var refusal = changes.Refusals.Where(r => r.Path == finding.Path && r.Line == finding.Line).ToList();
            Assert.True(edit is not null || refusal.Count > 0, $"{finding.Path}:{finding.Line}:{finding.Column} is neither edited nor refused");
            if (edit is not null)
                edited++;
            else
                refused++;
        }

        Assert.Equal(found.Count, edited + refused);
        var filtered = changes.Filter(FixSafety.Safe);
        Assert.Equal(found.Count, filtered.Files.Sum(f => f.Edits.Count(e => found.Any(d => d.Path == f.Path && d.Line == e.Line))) + filtered.Refusals.Count(r => found.Any(d => d.Path == r.Path && d.Line == r.Line)));
    }

    [Fact]
    public void Unrenamed_reference_is_refused_with_the_definition_and_the_references()
    {
        var scan = FixRunner.Scan(Path.Combine(Tools.RepositoryPath("tests/Fixtures"), "banned-terms-unrenamed-reference", "input"));
        var changes = new BannedTermsRewriter().Rewrite(FixContext.From(scan), CancellationToken.None);
        var refusal = Assert.Single(changes.Refusals, r => r.Path == "scoring.py");
        Assert.Contains("identifier 'conceptual_score' not renamed", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("a string at main.py:5", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("defined at scoring.py:4", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("main.py:3", refusal.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(changes.Files.SelectMany(f => f.Edits), e => e.Note.StartsWith("identifier", StringComparison.Ordinal));
    }

    [Fact]
    public void Collision_is_refused()
    {
        var scan = FixRunner.Scan(Path.Combine(Tools.RepositoryPath("tests/Fixtures"), "banned-terms-collision", "input"));
        var changes = new BannedTermsRewriter().Rewrite(FixContext.From(scan), CancellationToken.None);
        Assert.All(changes.Refusals, r => Assert.Contains("'theoretical_model' already exists at model.py:8", r.Reason, StringComparison.Ordinal));
        Assert.Equal(2, changes.Refusals.Length);
    }

    [Fact]
    public void No_host_budget_refuses_every_compose_finding()
    {
        var scan = FixRunner.Scan(Path.Combine(Tools.RepositoryPath("tests/Fixtures"), "compose-resources-no-budget", "input"));
        var changes = new ComposeResourcesRewriter().Rewrite(FixContext.From(scan), CancellationToken.None);
        var found = scan.Reported.Count(d => d.Rule.Id is "CONS501" or "CONS502");
        Assert.True(found > 0);
        Assert.Empty(changes.Files);
        Assert.Equal(found, changes.Refusals.Length);
        Assert.All(changes.Refusals, r => Assert.StartsWith("no host budget", r.Reason, StringComparison.Ordinal));
    }
}
