using Consolidate.Rewriters.Apply;

namespace Consolidate.Rewriters.Tests.Apply;

/// <summary>
/// Failures through the <see cref="IFileSystem"/> seam: whatever operation fails, the tree ends as it was or fully
/// applied, never a mix, and no temp file is left behind.
/// </summary>
public sealed class FaultInjectionTests
{
    public static TheoryData<int> Indexes() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Indexes))]
    public void A_failure_at_any_write_leaves_the_old_tree_or_the_new_one(int index)
    {
        using var f = ApplyFixture.MultiFile();
        var original = TreeSnapshot.Of(f.Repo);
        var applied = f.AppliedSnapshot();
        var fileSystem = FaultInjectingFileSystem.FailAt(f.Repo, index, path => new IOException($"injected failure writing '{path}'"));

        var outcome = f.Apply(fileSystem);
        var now = TreeSnapshot.Of(f.Repo);
        if (fileSystem.Injected == 0)
        {
            Assert.True(index > fileSystem.TreeOperations, $"{fileSystem.TreeOperations} operations ran");
            Assert.Equal(ApplyStatus.Applied, outcome.Status);
            Assert.True(applied.SequenceEqual(now), TreeSnapshot.Difference(applied, now));
            return;
        }

        Assert.True(outcome.Status is ApplyStatus.FailedAndRestored or ApplyStatus.Applied or ApplyStatus.Refused, $"{outcome.Status}: {string.Join("\n", outcome.Problems)}");
        var expected = outcome.Status == ApplyStatus.Applied ? applied : original;
        Assert.True(expected.SequenceEqual(now), $"{outcome.Status} at operation {index}: {TreeSnapshot.Difference(expected, now)}");
        if (outcome.Status == ApplyStatus.FailedAndRestored)
        {
            Assert.Contains("injected failure", outcome.Problems[0], StringComparison.Ordinal);
            Assert.Equal(CheckpointState.RolledBack, outcome.Checkpoint!.State);
        }
    }

    [Fact]
    public void Every_write_of_the_multi_file_apply_is_covered_by_the_theory()
    {
        using var f = ApplyFixture.MultiFile();
        var counting = new FaultInjectingFileSystem(f.Repo, (_, _, _) => null);
        Assert.Equal(ApplyStatus.Applied, f.Apply(counting).Status);
        Assert.InRange(counting.TreeOperations, 10, Indexes().Count - 1);
    }

    [Fact]
    public void Disk_full_while_staging_leaves_the_tree_untouched()
    {
        using var f = ApplyFixture.MultiFile();
        var original = TreeSnapshot.Of(f.Repo);
        var writes = 0;
        var fileSystem = new FaultInjectingFileSystem(f.Repo, (n, operation, path) =>
            n > 0 && operation == nameof(IFileSystem.WriteNew) && ++writes == 3 ? new IOException($"No space left on device : '{path}'", 28) : null);

        var outcome = f.Apply(fileSystem);
        Assert.Equal(ApplyStatus.FailedAndRestored, outcome.Status);
        Assert.Contains("No space left on device", outcome.Problems[0], StringComparison.Ordinal);
        Assert.Equal(original, TreeSnapshot.Of(f.Repo));
    }

    [Fact]
    public void Disk_full_while_writing_the_checkpoint_refuses_before_any_change()
    {
        using var f = ApplyFixture.MultiFile();
        var original = TreeSnapshot.Of(f.Repo);
        var fileSystem = new FaultInjectingFileSystem(f.Repo, (n, operation, path) =>
            n == 0 && operation == nameof(IFileSystem.WriteNew) && path.Contains("/files/0002", StringComparison.Ordinal) ? new IOException($"No space left on device : '{path}'", 28) : null);

        var outcome = f.Apply(fileSystem);
        Assert.Equal(ApplyStatus.Refused, outcome.Status);
        Assert.Contains("nothing in the tree was changed", outcome.Problems[0], StringComparison.Ordinal);
        Assert.Equal(0, fileSystem.TreeOperations);
        Assert.Equal(original, TreeSnapshot.Of(f.Repo));
    }

    [Fact]
    public void Permission_denied_on_a_rename_restores_the_files_already_renamed()
    {
        using var f = ApplyFixture.MultiFile();
        var original = TreeSnapshot.Of(f.Repo);
        var renames = 0;
        var fileSystem = new FaultInjectingFileSystem(f.Repo, (n, operation, path) =>
            n > 0 && operation == nameof(IFileSystem.Rename) && ++renames == 4 ? new UnauthorizedAccessException($"Access to the path '{path}' is denied.") : null);

        var outcome = f.Apply(fileSystem);
        Assert.Equal(ApplyStatus.FailedAndRestored, outcome.Status);
        Assert.Contains("is denied", outcome.Problems[0], StringComparison.Ordinal);
        Assert.True(renames > 4, "the restore renamed the files back");
        Assert.Equal(original, TreeSnapshot.Of(f.Repo));
    }

    [Fact]
    public void A_read_only_target_is_replaced_with_its_mode_kept_and_restored()
    {
        using var f = ApplyFixture.MultiFile();
        var original = TreeSnapshot.Of(f.Repo);
        Assert.Equal(ApplyStatus.Applied, f.Apply().Status);
        Assert.Equal("key = 2\nother = 2\n", File.ReadAllText(Path.Combine(f.Repo, "conf/readonly.cfg")));
        Assert.Equal("444", ApplyRollbackTests.Mode(f.Repo, "conf/readonly.cfg"));
        Assert.Equal(RollbackStatus.RolledBack, f.Rollback().Status);
        Assert.Equal(original, TreeSnapshot.Of(f.Repo));
    }

    [Fact]
    public void A_read_only_target_the_system_refuses_to_replace_leaves_the_old_tree()
    {
        using var f = ApplyFixture.MultiFile();
        var original = TreeSnapshot.Of(f.Repo);
        var fileSystem = new FaultInjectingFileSystem(f.Repo, (n, operation, path) =>
            n > 0 && operation == nameof(IFileSystem.Rename) && path.EndsWith("conf/readonly.cfg", StringComparison.Ordinal) && (File.GetUnixFileMode(path) & UnixFileMode.UserWrite) == 0
                ? new UnauthorizedAccessException($"Access to the path '{path}' is denied (read-only file).")
                : null);

        var outcome = f.Apply(fileSystem);
        Assert.Equal(ApplyStatus.FailedAndRestored, outcome.Status);
        Assert.Contains("conf/readonly.cfg", outcome.Problems[0], StringComparison.Ordinal);
        Assert.Equal(original, TreeSnapshot.Of(f.Repo));
    }

    [Fact]
    public void When_restoring_fails_too_the_checkpoint_stays_in_progress_and_rollback_finishes_the_job()
    {
        using var f = ApplyFixture.MultiFile();
        var original = TreeSnapshot.Of(f.Repo);
        var renames = 0;
        var fileSystem = new FaultInjectingFileSystem(f.Repo, (n, operation, path) =>
            n > 0 && operation == nameof(IFileSystem.Rename) && ++renames >= 3 ? new IOException($"No space left on device : '{path}'", 28) : null);

        var outcome = f.Apply(fileSystem);
        Assert.Equal(ApplyStatus.FailedNeedsRollback, outcome.Status);
        Assert.Contains($"run 'consolidate-analyze rollback {outcome.Checkpoint!.Id}'", outcome.Problems[1], StringComparison.Ordinal);
        Assert.NotEqual(original, TreeSnapshot.Of(f.Repo));

        var again = f.Apply();
        Assert.Equal(ApplyStatus.Refused, again.Status);
        Assert.Contains($"checkpoint {outcome.Checkpoint.Id} is in progress", again.Problems[0], StringComparison.Ordinal);

        var rollback = f.Rollback();
        Assert.Equal(RollbackStatus.RolledBack, rollback.Status);
        Assert.Contains(rollback.Notes, n => n.Contains("still in progress", StringComparison.Ordinal));
        Assert.Equal(original, TreeSnapshot.Of(f.Repo));
    }
}
