using System.Text;
using Consolidate.Rewriters.Apply;
using Consolidate.Rewriters.Patches;
using Consolidate.Rewriters.Tests.Support;

namespace Consolidate.Rewriters.Tests.Apply;

public sealed class ApplyRollbackTests
{
    [Fact]
    public void Apply_then_rollback_restores_every_file_and_mode()
    {
        using var f = ApplyFixture.MultiFile();
        var original = TreeSnapshot.Of(f.Repo);

        var applied = f.Apply();
        Assert.True(applied.Status == ApplyStatus.Applied, string.Join("\n", applied.Problems));
        var after = TreeSnapshot.Of(f.Repo);
        Assert.NotEqual(original, after);
        Assert.Equal("644", Mode(f.Repo, "app/main.py"));
        Assert.Equal("755", Mode(f.Repo, "scripts/run.sh"));
        Assert.Equal("444", Mode(f.Repo, "conf/readonly.cfg"));
        Assert.Equal("755", Mode(f.Repo, "new/dir/created.sh"));
        Assert.False(Directory.Exists(Path.Combine(f.Repo, "old")), "git apply removes a folder its deletions empty, and so does apply");
        Assert.Equal("a\r\nB\r\nc", File.ReadAllText(Path.Combine(f.Repo, "notes/crlf.txt")));
        Assert.Equal(CheckpointState.Applied, new CheckpointStore(f.Repo, new RealFileSystem()).Load(applied.Checkpoint!.Id).Checkpoint!.State);

        var rolledBack = f.Rollback();
        Assert.True(rolledBack.Status == RollbackStatus.RolledBack, string.Join("\n", rolledBack.Problems));
        var restored = TreeSnapshot.Of(f.Repo);
        Assert.True(original.SequenceEqual(restored), TreeSnapshot.Difference(original, restored));
        Assert.Equal(CheckpointState.RolledBack, new CheckpointStore(f.Repo, new RealFileSystem()).Load(applied.Checkpoint.Id).Checkpoint!.State);
        Assert.Equal(RollbackStatus.Refused, f.Rollback().Status);
    }

    [Fact]
    public void Applied_content_equals_git_apply()
    {
        using var f = ApplyFixture.MultiFile();
        var oracle = Path.Combine(f.Work, "oracle");
        Tools.CopyTree(f.Repo, oracle);
        foreach (var patch in Directory.GetFiles(f.Set, "*.patch").Order(StringComparer.Ordinal))
            Tools.GitApply(oracle, patch);

        Assert.Equal(ApplyStatus.Applied, f.Apply().Status);
        Assert.Equal(Contents(oracle), Contents(f.Repo));
    }

    [Theory]
    [InlineData("banned-terms", false)]
    [InlineData("banned-terms-unsafe", true)]
    [InlineData("banned-terms-collision", false)]
    [InlineData("banned-terms-unrenamed-reference", false)]
    [InlineData("compose-resources", false)]
    [InlineData("module-migration", true)]
    [InlineData("module-migration-delete", false)]
    [InlineData("module-migration-shim", false)]
    public void Patch_sets_from_fix_apply_validate_and_roll_back(string fixture, bool includeUnsafe)
    {
        using var f = ApplyFixture.FromFix(fixture, includeUnsafe);
        var original = TreeSnapshot.Of(f.Repo);
        var oracle = Path.Combine(f.Work, "oracle");
        Tools.CopyTree(f.Repo, oracle);
        foreach (var patch in Directory.GetFiles(f.Set, "*.patch").Order(StringComparer.Ordinal))
            Tools.GitApply(oracle, patch);

        var applied = f.Apply(validate: true);
        Assert.True(applied.Status == ApplyStatus.Applied, string.Join("\n", applied.Problems));
        Assert.Contains(applied.Notes, n => n.StartsWith("re-validated", StringComparison.Ordinal));
        Assert.Equal(["parse", "references", "findings"], applied.Checkpoint!.Checks.Select(c => c.Name));
        Assert.All(applied.Checkpoint.Checks, c => Assert.True(c.Passed, c.Detail));
        Assert.Equal(Contents(oracle), Contents(f.Repo));

        Assert.Equal(RollbackStatus.RolledBack, f.Rollback(applied.Checkpoint.Id).Status);
        Assert.Equal(original, TreeSnapshot.Of(f.Repo));
    }

    [Fact]
    public void A_file_changed_since_fix_is_named_and_nothing_is_touched()
    {
        using var f = ApplyFixture.MultiFile();
        f.Write("scripts/run.sh", "#!/bin/sh\necho edited by hand\n", "755");
        f.Commit();
        var before = TreeSnapshot.Of(f.Repo);

        var outcome = f.Apply();
        Assert.Equal(ApplyStatus.Refused, outcome.Status);
        Assert.Contains(outcome.Problems, p => p.Contains("scripts/run.sh: changed since fix", StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.Problems, p => p.Contains("app/main.py", StringComparison.Ordinal));
        Assert.Equal(before, TreeSnapshot.Of(f.Repo));
        Assert.False(Directory.Exists(Path.Combine(f.Repo, ".consolidate", "checkpoints")), "no checkpoint when refused");
    }

    [Theory]
    [InlineData("../outside.txt", "may leave the repository")]
    [InlineData("OUTSIDE/absolute.txt", "an absolute path leaves the repository")]
    [InlineData("link/escape.txt", "symbolic link")]
    [InlineData(".git/hooks/pre-commit", "inside .git")]
    [InlineData(".consolidate/checkpoints/x", "checkpoints")]
    public void A_path_escaping_the_repository_is_rejected_with_a_clear_message(string path, string reason)
    {
        using var f = ApplyFixture.MultiFile();
        var outside = Path.Combine(f.Work, "outside");
        Directory.CreateDirectory(outside);
        Directory.CreateSymbolicLink(Path.Combine(f.Repo, "link"), outside);
        f.Commit();
        path = path.Replace("OUTSIDE", outside, StringComparison.Ordinal);
        f.WriteSet(("escape", [new FilePatch("app/main.py", File.ReadAllBytes(Path.Combine(f.Repo, "app/main.py")), Encoding.UTF8.GetBytes("x\n"))]));
        // The renderer sorts and quotes honest paths; an attacker edits the patch text, so rewrite it by hand.
        var patch = Path.Combine(f.Set, "01-escape.patch");
        File.WriteAllText(patch, File.ReadAllText(patch).Replace("app/main.py", path, StringComparison.Ordinal));
        var manifest = Path.Combine(f.Set, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("app/main.py", path, StringComparison.Ordinal));
        var before = TreeSnapshot.Of(f.Repo);

        var outcome = f.Apply();
        Assert.Equal(ApplyStatus.Refused, outcome.Status);
        var message = Assert.Single(outcome.Problems);
        Assert.Contains($"refused to touch '{path}'", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
        Assert.Equal(before, TreeSnapshot.Of(f.Repo));
        Assert.Empty(Directory.GetFiles(outside));
    }

    [Fact]
    public void A_dirty_tree_is_refused_unless_allowed()
    {
        using var f = ApplyFixture.MultiFile();
        File.WriteAllText(Path.Combine(f.Repo, "untracked.txt"), "work in progress\n");
        File.WriteAllText(Path.Combine(f.Repo, ".gitignore"), "ignored.log\n");
        f.Commit();
        File.WriteAllText(Path.Combine(f.Repo, "ignored.log"), "git ignores this\n");
        File.WriteAllText(Path.Combine(f.Repo, "keep.txt"), "changed\n");
        var before = TreeSnapshot.Of(f.Repo);

        var outcome = f.Apply();
        Assert.Equal(ApplyStatus.Refused, outcome.Status);
        Assert.Contains(outcome.Problems, p => p.Contains("uncommitted change", StringComparison.Ordinal));
        Assert.Contains(outcome.Problems, p => p.Contains("keep.txt", StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.Problems, p => p.Contains("ignored.log", StringComparison.Ordinal));
        Assert.Equal(before, TreeSnapshot.Of(f.Repo));

        var allowed = f.Apply(allowDirty: true);
        Assert.True(allowed.Status == ApplyStatus.Applied, string.Join("\n", allowed.Problems));
    }

    [Fact]
    public void The_checkpoint_folder_is_git_ignored_by_its_own_gitignore_and_keeps_the_tree_clean()
    {
        using var f = ApplyFixture.MultiFile();
        Assert.Equal(ApplyStatus.Applied, f.Apply().Status);
        Assert.Equal(RollbackStatus.RolledBack, f.Rollback().Status);
        Assert.True(Directory.Exists(Path.Combine(f.Repo, ".consolidate", "checkpoints")));
        Assert.Equal(CheckpointStore.IgnoreEverything, File.ReadAllText(Path.Combine(f.Repo, ".consolidate", ".gitignore")));
        Assert.Equal((0, ""), Tools.Run(f.Repo, "git", "status", "--porcelain", "--untracked-files=all"));
        Assert.Equal(0, Tools.Run(f.Repo, "git", "check-ignore", "-q", ".consolidate/checkpoints/x").Code);

        var again = f.Apply();
        Assert.True(again.Status == ApplyStatus.Applied, string.Join("\n", again.Problems));
        Assert.DoesNotContain(again.Notes, n => n.Contains(".gitignore", StringComparison.Ordinal));
    }

    [Fact]
    public void Rollback_refuses_files_changed_after_the_apply_unless_forced()
    {
        using var f = ApplyFixture.MultiFile();
        var original = TreeSnapshot.Of(f.Repo);
        var applied = f.Apply();
        Assert.Equal(ApplyStatus.Applied, applied.Status);
        File.AppendAllText(Path.Combine(f.Repo, "app/main.py"), "# later work\n");
        var changedSnapshot = TreeSnapshot.Of(f.Repo);

        var refused = f.Rollback();
        Assert.Equal(RollbackStatus.Refused, refused.Status);
        Assert.Equal("app/main.py (changed after the apply)", Assert.Single(refused.ChangedSinceApply));
        Assert.Equal(changedSnapshot, TreeSnapshot.Of(f.Repo));

        var forced = f.Rollback(force: true);
        Assert.Equal(RollbackStatus.RolledBack, forced.Status);
        Assert.Equal(original, TreeSnapshot.Of(f.Repo));
    }

    [Fact]
    public void Only_applies_the_chosen_patches_and_names_unknown_ones()
    {
        using var f = ApplyFixture.MultiFile();
        var unknown = f.Apply(only: "07");
        Assert.Equal(ApplyStatus.Refused, unknown.Status);
        Assert.Contains("'07' match no patch", unknown.Problems[0], StringComparison.Ordinal);

        var second = f.Apply(only: "02");
        Assert.Equal(ApplyStatus.Refused, second.Status);
        Assert.Contains(second.Problems, p => p.Contains("02-create.patch does not apply: 'app/main.py'", StringComparison.Ordinal));

        var first = f.Apply(only: "1");
        Assert.Equal(ApplyStatus.Applied, first.Status);
        Assert.Equal("01-edit.patch", Assert.Single(first.Checkpoint!.Patches));
        Assert.False(File.Exists(Path.Combine(f.Repo, "new/dir/created.sh")));
    }

    [Fact]
    public void A_failed_revalidation_rolls_back_and_says_why()
    {
        using var f = ApplyFixture.MultiFile();
        var original = TreeSnapshot.Of(f.Repo);
        var main = File.ReadAllBytes(Path.Combine(f.Repo, "app/main.py"));
        f.WriteSet(("break", [new FilePatch("app/main.py", main, Encoding.UTF8.GetBytes("def main(:\n    pass\n"))]));

        var outcome = f.Apply(validate: true);
        Assert.Equal(ApplyStatus.ValidationFailedAndRestored, outcome.Status);
        Assert.True(outcome.Problems[0].Contains("check 'parse': parses worse after the change: app/main.py: ok -> ", StringComparison.Ordinal), outcome.Problems[0]);
        Assert.Equal(original, TreeSnapshot.Of(f.Repo));
        Assert.Equal(CheckpointState.RolledBack, outcome.Checkpoint!.State);
        Assert.NotNull(outcome.Checkpoint.Reason);
    }

    [Fact]
    public void Rollback_refuses_a_checkpoint_naming_a_path_outside_the_repository()
    {
        using var f = ApplyFixture.MultiFile();
        var applied = f.Apply();
        Assert.Equal(ApplyStatus.Applied, applied.Status);
        var json = Path.Combine(f.Repo, ".consolidate", "checkpoints", applied.Checkpoint!.Id, CheckpointStore.ManifestName);
        File.WriteAllText(json, File.ReadAllText(json).Replace("\"keep.txt\"", "\"../victim.txt\"", StringComparison.Ordinal).Replace("\"app/main.py\"", "\"../victim.txt\"", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(f.Work, "victim.txt"), "outside\n");
        var before = TreeSnapshot.Of(f.Repo);

        var outcome = f.Rollback();
        Assert.Equal(RollbackStatus.Refused, outcome.Status);
        Assert.Contains(outcome.Problems, p => p.Contains("names '../victim.txt'", StringComparison.Ordinal) && p.Contains("may leave the repository", StringComparison.Ordinal));
        Assert.Equal("outside\n", File.ReadAllText(Path.Combine(f.Work, "victim.txt")));
        Assert.Equal(before, TreeSnapshot.Of(f.Repo));
    }

    [Fact]
    public void Apply_and_rollback_refuse_while_another_process_holds_the_lock()
    {
        using var f = ApplyFixture.MultiFile();
        var applied = f.Apply();
        Assert.Equal(ApplyStatus.Applied, applied.Status);
        var after = TreeSnapshot.Of(f.Repo);
        var store = new CheckpointStore(f.Repo, new RealFileSystem());
        Assert.False(store.IsBusy());
        using (new FileStream(Path.Combine(f.Repo, ".consolidate", "lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            Assert.True(store.IsBusy());
            var rollback = f.Rollback();
            Assert.Equal(RollbackStatus.Refused, rollback.Status);
            Assert.Contains("another apply or rollback is running", Assert.Single(rollback.Problems), StringComparison.Ordinal);
            Assert.Equal(after, TreeSnapshot.Of(f.Repo));
        }

        Assert.Equal(RollbackStatus.RolledBack, f.Rollback().Status);
    }

    internal static string Mode(string root, string path) => Convert.ToString((int)File.GetUnixFileMode(Path.Combine(root, path)), 8);

    private static SortedDictionary<string, string> Contents(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/.git/", StringComparison.Ordinal) && !p.Contains("/.consolidate/", StringComparison.Ordinal))
            .ToDictionary(p => Path.GetRelativePath(root, p), p => Convert.ToBase64String(File.ReadAllBytes(p))),
        StringComparer.Ordinal);
}
