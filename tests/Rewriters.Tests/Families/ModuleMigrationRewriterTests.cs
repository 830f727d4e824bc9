using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.References;
using Consolidate.Rewriters.Families.ModuleMigration;
using Consolidate.Rewriters.Tests.Support;

namespace Consolidate.Rewriters.Tests.Families;

/// <summary>
/// module-migration on its fixtures and on samples/: every import edge into a duplicate ends as an edit on its line or a
/// refusal naming it (found = edited + refused), names missing from the canonical module and unrenamable spellings are
/// refused, and a duplicate is deleted only when nothing refers to it any more.
/// </summary>
public sealed class ModuleMigrationRewriterTests
{
    [Theory]
    [InlineData("module-migration", "services/legacy/base_agent.py", 13, 11, 2)]
    [InlineData("module-migration-delete", "services/old/agent_base.py", 3, 3, 0)]
    [InlineData("module-migration-shim", "vendor/core/base_agent.py", 1, 1, 0)]
    public void Every_import_of_a_duplicate_is_edited_or_refused(string fixture, string duplicate, int found, int edited, int refused)
    {
        var (scan, changes) = Rewrite(Path.Combine(Tools.RepositoryPath("tests/Fixtures"), fixture, "input"));
        var edges = scan.Model.References.To(duplicate).Where(r => r.Kind == ReferenceKind.PythonImport).ToList();
        var edits = 0;
        var refusals = 0;
        foreach (var edge in edges)
        {
            var edit = changes.Files.Where(f => f.Path == edge.Source).SelectMany(f => f.Edits).Any(e => e.Line == edge.Line);
            var refusal = changes.Refusals.Any(r => r.Path == edge.Source && r.Line == edge.Line);
            Assert.True(edit ^ refusal, $"{edge.Source}:{edge.Line} must be either edited or refused");
            if (edit)
                edits++;
            else
                refusals++;
        }

        Assert.Equal(found, edges.Count);
        Assert.Equal(edges.Count, edits + refusals);
        Assert.Equal((edited, refused), (edits, refusals));
    }

    [Fact]
    public void Missing_names_and_plain_imports_are_refused_and_keep_the_duplicate()
    {
        var (_, changes) = Rewrite(Path.Combine(Tools.RepositoryPath("tests/Fixtures"), "module-migration", "input"));
        var missing = Assert.Single(changes.Refusals, r => r.Path == "app/legacy_flag.py");
        Assert.Contains("imports 'LEGACY_ONLY' from services/legacy/base_agent.py, which agents/core/base_agent.py does not define", missing.Reason, StringComparison.Ordinal);
        var plain = Assert.Single(changes.Refusals, r => r.Path == "app/plain.py");
        Assert.Contains("'import services.legacy.base_agent' has no alias", plain.Reason, StringComparison.Ordinal);
        var kept = Assert.Single(changes.Refusals, r => r.Path == "services/legacy/base_agent.py");
        Assert.Contains("kept unchanged: 2 reference(s)", kept.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(changes.Files, f => f.Kind == FileChangeKind.Delete);
        Assert.Equal("module-migration-base_agent", changes.Family);
    }

    [Fact]
    public void String_references_are_unsafe_and_make_the_other_imports_of_the_duplicate_unsafe()
    {
        var (_, changes) = Rewrite(Path.Combine(Tools.RepositoryPath("tests/Fixtures"), "module-migration", "input"));
        var edits = changes.Files.SelectMany(f => f.Edits.Select(e => (f.Path, Edit: e))).ToList();
        Assert.Contains(edits, e => e.Path == "tests/test_agents.py" && e.Edit.Replacement == "agents.core.base_agent" && e.Edit.Line == 6 && e.Edit.Safety == FixSafety.Unsafe);
        Assert.Contains(edits, e => e.Path == "app/lazy.py" && e.Edit.Line == 12 && e.Edit.Safety == FixSafety.Unsafe);
        Assert.All(edits, e => Assert.Equal(FixSafety.Unsafe, e.Edit.Safety));
        Assert.Empty(changes.Filter(FixSafety.Safe).Files);
    }

    [Fact]
    public void A_duplicate_nobody_else_needs_is_found_as_a_clone_and_deleted()
    {
        var (_, changes) = Rewrite(Path.Combine(Tools.RepositoryPath("tests/Fixtures"), "module-migration-delete", "input"));
        Assert.Empty(changes.Refusals);
        var deleted = Assert.Single(changes.Files, f => f.Kind == FileChangeKind.Delete);
        Assert.Equal(("services/old/agent_base.py", FixSafety.Safe), (deleted.Path, deleted.Safety));
        Assert.Contains("file-scope exact clone of agents/core/base_agent.py", changes.Explanation, StringComparison.Ordinal);
        var user = Assert.Single(changes.Files, f => f.Path == "services/old/user.py");
        Assert.Equal(["agents.core", "base_agent as base"], user.Edits.Select(e => e.Replacement));
    }

    [Fact]
    public void Shim_option_replaces_the_duplicate_with_a_re_export()
    {
        var (_, changes) = Rewrite(Path.Combine(Tools.RepositoryPath("tests/Fixtures"), "module-migration-shim", "input"));
        var shim = Assert.Single(changes.Files, f => f.Path == "vendor/core/base_agent.py");
        var text = Assert.Single(shim.Edits).Replacement;
        Assert.Contains("from agents.core.base_agent import *  # noqa: F401,F403\n", text, StringComparison.Ordinal);
        Assert.Contains("    BaseAgent,\n    DEFAULT_PORT,\n", text, StringComparison.Ordinal);
        Assert.Equal(FixSafety.Safe, shim.LeastSafety);
    }

    [Fact]
    public void Samples_keep_the_backend_copy_because_an_importer_needs_heartbeat_seconds()
    {
        var work = Tools.TempDirectory();
        try
        {
            var repo = Path.Combine(work, "samples");
            Tools.CopyTree(Tools.RepositoryPath("samples"), repo);
            var (scan, changes) = Rewrite(repo);
            const string duplicate = "backend/app/agents/core/base_agent.py";
            var workers = Assert.Single(changes.Refusals, r => r.Path == "backend/app/agents/workers.py");
            Assert.Contains("imports 'HEARTBEAT_SECONDS' from backend/app/agents/core/base_agent.py", workers.Reason, StringComparison.Ordinal);
            Assert.Contains(changes.Refusals, r => r.Path == duplicate && r.Line == 1);
            Assert.DoesNotContain(changes.Files, f => f.Path == duplicate);

            var edges = scan.Model.References.To(duplicate).Where(r => r.Kind == ReferenceKind.PythonImport).ToList();
            Assert.Equal(7, edges.Count);
            Assert.All(edges, edge => Assert.True(
                changes.Files.Any(f => f.Path == edge.Source && f.Edits.Any(e => e.Line == edge.Line)) ^ changes.Refusals.Any(r => r.Path == edge.Source && r.Line == edge.Line),
                $"{edge.Source}:{edge.Line}"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static (Consolidate.Analyzers.Engine.AnalysisResult Scan, ChangeSet Changes) Rewrite(string root)
    {
        var scan = FixRunner.Scan(root);
        return (scan, new ModuleMigrationRewriter().Rewrite(FixContext.From(scan), CancellationToken.None));
    }
}
