using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Consolidate.Cli;
using Consolidate.Rewriters.Tests.Apply;
using Consolidate.Rewriters.Tests.Support;

namespace Consolidate.Rewriters.Tests.Cli;

/// <summary>
/// <c>fix</c>, <c>apply</c>, <c>checkpoints</c> and <c>rollback</c> as a user runs them, on a committed copy of samples/:
/// the round trip gives back every byte and mode (one sha256 over the whole tree) and a clean <c>git status</c>, the
/// applied tree equals what <c>git apply</c> makes, and the refusals exit with the documented codes.
/// </summary>
public sealed class ApplyCommandTests
{
    [Fact]
    public void Fix_apply_rollback_on_samples_gives_back_every_byte_and_mode()
    {
        using var f = ApplyFixture.FromSamples();
        var original = TreeHash(f.Repo);

        var (code, stdout, stderr) = Run("fix", f.Repo, "--out", f.Set);
        Assert.True(code == 0, stderr);
        var patches = Directory.GetFiles(f.Set, "*.patch").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(patches);

        var oracle = Path.Combine(f.Work, "oracle");
        Tools.CopyTree(f.Repo, oracle);
        foreach (var patch in patches)
            Tools.GitApply(oracle, patch);

        (code, stdout, stderr) = Run("apply", f.Set, "--repo", f.Repo);
        Assert.True(code == 0, stderr + stdout);
        Assert.Contains($"applied {patches.Count} patch(es)", stdout, StringComparison.Ordinal);
        Assert.Contains("re-validated, parse:", stdout, StringComparison.Ordinal);
        Assert.Contains("re-validated, references:", stdout, StringComparison.Ordinal);
        Assert.NotEqual(original, TreeHash(f.Repo));
        var changed = Tools.Run(f.Repo, "git", "status", "--porcelain", "--untracked-files=all").Output;
        Assert.NotEmpty(changed);
        Assert.DoesNotContain(".consolidate", changed, StringComparison.Ordinal);

        // What apply wrote is what git apply writes, byte for byte.
        Assert.Equal(TreeHash(oracle), TreeHash(f.Repo));

        // The checkpoints are never scanned.
        (code, stdout, stderr) = Run("scan", f.Repo, "--format", "json", "--fail-on", "none");
        Assert.True(code == 0, stderr);
        using (var report = JsonDocument.Parse(stdout))
            Assert.DoesNotContain(report.RootElement.GetProperty("files").EnumerateArray(), e => e.GetProperty("path").GetString()!.StartsWith(".consolidate", StringComparison.Ordinal));

        (code, stdout, _) = Run("checkpoints", "--repo", f.Repo);
        Assert.Equal(0, code);
        Assert.Contains("applied", stdout, StringComparison.Ordinal);

        (code, stdout, stderr) = Run("rollback", "--repo", f.Repo);
        Assert.True(code == 0, stderr);
        Assert.Contains("rolled back checkpoint", stdout, StringComparison.Ordinal);
        Assert.Equal(original, TreeHash(f.Repo));
        Assert.Equal((0, ""), Tools.Run(f.Repo, "git", "status", "--porcelain", "--untracked-files=all"));

        (code, stdout, _) = Run("checkpoints", "--repo", f.Repo);
        Assert.Contains("rolled-back", stdout, StringComparison.Ordinal);
        (code, _, stderr) = Run("rollback", "--repo", f.Repo);
        Assert.Equal(2, code);
        Assert.Contains("no applied checkpoint", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusals_name_the_file_and_exit_2_and_a_failed_revalidation_exits_1()
    {
        using var f = ApplyFixture.FromSamples();
        var (code, _, stderr) = Run("fix", f.Repo, "--out", f.Set);
        Assert.True(code == 0, stderr);
        var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(f.Set, "manifest.json")));
        var touched = manifest.RootElement.GetProperty("baseline").EnumerateObject().First(p => p.Value.ValueKind == JsonValueKind.String).Name;
        var original = TreeHash(f.Repo);

        // Dirty: an untracked file.
        File.WriteAllText(Path.Combine(f.Repo, "notes.txt"), "work in progress\n");
        (code, _, stderr) = Run("apply", f.Set, "--repo", f.Repo);
        Assert.Equal(2, code);
        Assert.Contains("uncommitted change", stderr, StringComparison.Ordinal);
        Assert.Contains("notes.txt", stderr, StringComparison.Ordinal);
        Assert.Contains("--allow-dirty", stderr, StringComparison.Ordinal);
        File.Delete(Path.Combine(f.Repo, "notes.txt"));

        // A baseline file changed and committed since fix.
        File.AppendAllText(Path.Combine(f.Repo, touched), "\n");
        f.Commit();
        var committed = TreeHash(f.Repo);
        (code, _, stderr) = Run("apply", f.Set, "--repo", f.Repo);
        Assert.Equal(2, code);
        Assert.Contains($"{touched}: changed since fix", stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", stderr, StringComparison.Ordinal);
        Assert.Equal(committed, TreeHash(f.Repo));
        Tools.Run(f.Repo, "git", "reset", "-q", "--hard", "HEAD~1");
        Assert.Equal(original, TreeHash(f.Repo));

        // A set whose result does not parse: applied, re-validated, rolled back, exit 1.
        var python = manifest.RootElement.GetProperty("baseline").EnumerateObject().Select(p => p.Name).FirstOrDefault(p => p.EndsWith(".py", StringComparison.Ordinal))
            ?? "agents/core/base_agent.py";
        var broken = Path.Combine(f.Work, "broken");
        f.WriteSet(broken, ("broken", [f.Edit(python, "def broken(:\n    pass\n")]));
        (code, _, stderr) = Run("apply", broken, "--repo", f.Repo);
        Assert.Equal(1, code);
        Assert.Contains("re-validation after the apply failed: check 'parse'", stderr, StringComparison.Ordinal);
        Assert.Contains($"{python}: ok -> ", stderr, StringComparison.Ordinal);
        Assert.Contains("restored from checkpoint", stderr, StringComparison.Ordinal);
        Assert.Equal(original, TreeHash(f.Repo));
        Assert.Equal((0, ""), Tools.Run(f.Repo, "git", "status", "--porcelain", "--untracked-files=all"));
    }

    /// <summary>One sha256 over every file's path, mode and bytes and every folder's path and mode (.git and .consolidate left out).</summary>
    internal static string TreeHash(string root)
    {
        var text = new StringBuilder();
        foreach (var (path, entry) in FullSnapshot(root))
            text.Append(path).Append('\0').Append(entry).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static SortedDictionary<string, string> FullSnapshot(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, entry.FullName);
            if (relative.Split('/')[0] is ".git" or ".consolidate")
                continue;
            var mode = Convert.ToString((int)File.GetUnixFileMode(entry.FullName), 8);
            result[relative] = entry.LinkTarget is { } link ? $"link {link}"
                : entry is DirectoryInfo ? $"dir {mode}"
                : $"{mode} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(entry.FullName)))}";
        }

        return result;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
