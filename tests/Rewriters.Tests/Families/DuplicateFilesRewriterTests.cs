using Consolidate.Analyzers.Engine;
using Consolidate.Rewriters.Families.DuplicateFiles;
using Consolidate.Rewriters.Patches;
using Consolidate.Rewriters.Tests.Support;

namespace Consolidate.Rewriters.Tests.Families;

public sealed class DuplicateFilesRewriterTests
{
    [Theory]
    [InlineData("\"$(dirname \"$0\")/log.sh\"", "tools/log.sh", "scripts/lib/log.sh", "\"$(dirname \"$0\")/../scripts/lib/log.sh\"")]
    [InlineData("\"$(dirname \"$0\")/lib/log.sh\"", "scripts/lib/log.sh", "tools/log.sh", "\"$(dirname \"$0\")/../tools/log.sh\"")]
    [InlineData("${BASH_SOURCE%/*}/../lib/x.sh", "lib/x.sh", "ops/x.sh", "${BASH_SOURCE%/*}/../ops/x.sh")]
    [InlineData("$DIR/x.sh", "a/x.sh", "b/y.sh", "$DIR/../b/y.sh")]
    [InlineData("./scripts/checks/health.sh", "scripts/checks/health.sh", "ops/health.sh", "./ops/health.sh")]
    [InlineData("scripts/checks/health.sh", "scripts/checks/health.sh", "ops/health.sh", "ops/health.sh")]
    [InlineData("../a/x.sh", "src/a/x.sh", "src/b/x.sh", "../b/x.sh")]
    [InlineData("/srv/app/scripts/health.sh", "scripts/health.sh", "ops/health.sh", "/srv/app/ops/health.sh")]
    [InlineData("'/srv/app/scripts/health.sh'", "scripts/health.sh", "ops/health.sh", "'/srv/app/ops/health.sh'")]
    [InlineData("./x.sh", "tools/x.sh", "tools/y.sh", "./y.sh")]
    public void Written_paths_keep_their_anchor_and_name_the_canonical_copy(string written, string duplicate, string canonical, string expected)
    {
        var (offset, length, replacement, _, problem) = WrittenPath.Repoint(written, duplicate, canonical, ["/srv/app"]);
        Assert.Null(problem);
        Assert.Equal(expected, written[..offset] + replacement + written[(offset + length)..]);
    }

    [Theory]
    [InlineData("\"$CHECK\"", "jobs/check.sh")]
    [InlineData("/home/deploy/app/scripts/rotate.sh", "scripts/rotate.sh")]
    [InlineData("other/x.sh", "scripts/x.sh")]
    public void Paths_that_cannot_be_repointed_in_place_are_problems(string written, string duplicate)
    {
        var (_, _, _, _, problem) = WrittenPath.Repoint(written, duplicate, "ops/x.sh", ["/srv/app"]);
        Assert.NotNull(problem);
    }

    [Theory]
    [InlineData("duplicate-files")]
    [InlineData("duplicate-files-build-context")]
    [InlineData("duplicate-files-dockerfile-copy")]
    [InlineData("duplicate-files-dynamic")]
    [InlineData("duplicate-files-no-rewriter")]
    [InlineData("duplicate-files-outside")]
    [InlineData("duplicate-files-unprovable")]
    [InlineData("duplicate-files-unsafe")]
    public void Every_copy_is_deleted_or_refused(string fixture)
    {
        var (scan, changes) = Rewrite(fixture);
        var copies = scan.Model.Clusters
            .Where(c => c.Scope == Consolidate.Analyzers.Clones.CloneScope.File)
            .SelectMany(c => c.Members.Where(m => m != c.CanonicalMember))
            .Select(m => m.Path)
            .ToList();
        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            var deleted = changes.Files.Any(f => f.Path == copy && f.Kind == FileChangeKind.Delete);
            var refused = changes.Refusals.Any(r => r.Reason.StartsWith(copy + " is kept", StringComparison.Ordinal) || (r.Path == copy && !r.Reason.Contains(" is kept ", StringComparison.Ordinal)));
            Assert.True(deleted ^ refused, $"{copy}: deleted {deleted}, refused {refused}");
        }
    }

    [Theory]
    [InlineData("duplicate-files-build-context", "b/Dockerfile", 4, "copies '.' from build context 'b', which holds b/entry.sh")]
    [InlineData("duplicate-files-build-context", "c/Dockerfile", 2, "the canonical a/entry.sh is outside that context")]
    [InlineData("duplicate-files-dockerfile-copy", "b/Dockerfile", 4, "itself a copy of a/Dockerfile that may be built in its place")]
    [InlineData("duplicate-files-dynamic", "jobs/run.sh", 4, "cannot be resolved statically")]
    [InlineData("duplicate-files-no-rewriter", "main.py", 1, "duplicate-files does not rewrite imports")]
    [InlineData("duplicate-files-no-rewriter", "scripts/nightly.sh", 4, "comes from a variable assigned elsewhere")]
    [InlineData("duplicate-files-no-rewriter", "tools/runner.py", 6, "a place the reference graph does not follow")]
    [InlineData("duplicate-files-outside", "ops/crontab", 2, "an absolute path outside the repository")]
    [InlineData("duplicate-files-unprovable", "b/run.sh", 4, "uses its own folder")]
    [InlineData("duplicate-files-unprovable", "d/tool.sh", 1, "is executable and d/tool.sh is not")]
    [InlineData("duplicate-files-unprovable", "f/notify.sh", 1, "shown only, never patched: an exact clone of e/notify.sh up to line endings")]
    public void Unprovable_copies_are_refused_with_path_line_and_reason(string fixture, string path, int line, string reason)
    {
        var (_, changes) = Rewrite(fixture);
        Assert.Contains(changes.Refusals, r => r.Path == path && r.Line == line && r.Reason.Contains(reason, StringComparison.Ordinal));
        Assert.DoesNotContain(changes.Files, f => f.Kind == FileChangeKind.Delete && changes.Refusals.Any(r => r.Reason.StartsWith(f.Path + " is kept", StringComparison.Ordinal)));
    }

    [Fact]
    public void Near_and_renamed_clones_are_shown_only()
    {
        var (_, changes) = Rewrite("duplicate-files");
        var shown = Assert.Single(changes.Refusals);
        Assert.Equal("scripts/backup_db.sh", shown.Path);
        Assert.StartsWith("shown only, never patched: a renamed clone of scripts/backup.sh", shown.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(changes.Files, f => f.Path.StartsWith("scripts/backup", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_disk_facts_nothing_is_deleted()
    {
        var scan = FixRunner.Scan(Path.Combine(Tools.RepositoryPath("tests/Fixtures"), "duplicate-files", "input"));
        var changes = new DuplicateFilesRewriter().Rewrite(FixContext.From(scan), CancellationToken.None);
        Assert.Empty(changes.Files);
        Assert.Contains(changes.Refusals, r => r.Reason.Contains("bytes and mode were not read", StringComparison.Ordinal));
    }

    /// <summary>
    /// A copy a C# string literal names (an 'other' reference from the C# frontend) is kept with a refusal at the
    /// literal: duplicate-files does not edit C#.
    /// </summary>
    [Fact]
    public void A_copy_named_by_a_csharp_literal_is_kept()
    {
        var root = Directory.CreateTempSubdirectory("consolidate-duplicate-csharp-").FullName;
        try
        {
            var script = "#!/bin/bash\nset -euo pipefail\n"
                + string.Concat(Enumerable.Range(0, 10).Select(i => $"rsync -a --delete \"build/part{i}/\" \"/srv/app/releases/current/part{i}/\" --exclude \"*.tmp{i}\"\n"))
                + "systemctl restart app.service\ncurl -fsS http://localhost:8080/health\n";
            Write(root, "consolidate.yml", "canonical: [scripts]\n");
            Write(root, "scripts/deploy.sh", script);
            Write(root, "ops/deploy.sh", script);
            Write(root, "tools/Tools.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
            Write(root, "tools/Runner.cs", "static class Runner\n{\n    static void Main() => System.Diagnostics.Process.Start(\"ops/deploy.sh\");\n}\n");

            var scan = FixRunner.Scan(root);
            var changes = new DuplicateFilesRewriter().Rewrite(FixContext.From(scan) with { Disk = DiskFiles.Read(root, scan.Model) }, CancellationToken.None);

            Assert.Contains(scan.Model.References.To("ops/deploy.sh"), r => r.Source == "tools/Runner.cs" && r.Kind == Consolidate.Analyzers.References.ReferenceKind.Other);
            Assert.Contains(changes.Refusals, r => r.Path == "tools/Runner.cs" && r.Line == 3
                && r.Reason.StartsWith("ops/deploy.sh is kept", StringComparison.Ordinal) && r.Reason.Contains("does not edit C# source", StringComparison.Ordinal));
            Assert.DoesNotContain(changes.Files, f => f.Path is "ops/deploy.sh" or "tools/Runner.cs");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static (AnalysisResult Scan, ChangeSet Changes) Rewrite(string fixture)
    {
        var root = Path.Combine(Tools.RepositoryPath("tests/Fixtures"), fixture, "input");
        var scan = FixRunner.Scan(root);
        var context = FixContext.From(scan) with { Disk = DiskFiles.Read(root, scan.Model) };
        return (scan, new DuplicateFilesRewriter().Rewrite(context, CancellationToken.None));
    }
}
