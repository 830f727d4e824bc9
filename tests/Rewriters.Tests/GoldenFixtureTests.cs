using Consolidate.Rewriters.Patches;
using Consolidate.Rewriters.Tests.Support;

namespace Consolidate.Rewriters.Tests;

/// <summary>
/// tests/Fixtures/&lt;case&gt;/input is fixed; expected/NN-family.patch and expected/manifest.json are compared byte for byte
/// (a missing or extra expected file fails; CONSOLIDATE_BLESS=1 rewrites them). Every patch must then apply with
/// git apply and with patch -p1 to a copy of the input, both giving the same tree, and running fix again on the result
/// must propose nothing more for the family.
/// </summary>
public sealed class GoldenFixtureTests
{
    [Theory]
    [InlineData("banned-terms", false)]
    [InlineData("banned-terms-unsafe", true)]
    [InlineData("banned-terms-unrenamed-reference", false)]
    [InlineData("banned-terms-collision", false)]
    [InlineData("compose-resources", false)]
    [InlineData("compose-resources-no-budget", false)]
    [InlineData("module-migration", true)]
    [InlineData("module-migration-delete", false)]
    [InlineData("module-migration-shim", false)]
    [InlineData("duplicate-files", false)]
    [InlineData("duplicate-files-unsafe", true)]
    [InlineData("duplicate-files-build-context", false)]
    [InlineData("duplicate-files-dockerfile-copy", false)]
    [InlineData("duplicate-files-dynamic", false)]
    [InlineData("duplicate-files-no-rewriter", false)]
    [InlineData("duplicate-files-outside", false)]
    [InlineData("duplicate-files-unprovable", false)]
    [InlineData("container-security", true)]
    [InlineData("container-security-display-only", false)]
    [InlineData("container-security-pins", false)]
    public void Fixture_matches_expected_and_applies(string name, bool includeUnsafe)
    {
        var fixture = Path.Combine(Tools.RepositoryPath("tests/Fixtures"), name);
        var work = Tools.TempDirectory();
        try
        {
            var input = Path.Combine(work, "input");
            Tools.CopyTree(Path.Combine(fixture, "input"), input);
            var (_, set) = FixRunner.Run(input, includeUnsafe);
            Assert.Equal(Tools.Snapshot(Path.Combine(fixture, "input")), Tools.Snapshot(input));

            var actual = set.Patches.ToDictionary(p => p.FileName, p => p.Content);
            actual[PatchSetWriter.ManifestName] = ManifestWriter.Write(set);
            CompareOrBless(Path.Combine(fixture, "expected"), actual);

            if (set.Patches.IsEmpty)
                return;

            var byGit = Path.Combine(work, "git");
            var byPatch = Path.Combine(work, "patch");
            Tools.CopyTree(input, byGit);
            Tools.CopyTree(input, byPatch);
            foreach (var patch in set.Patches)
            {
                var file = Path.Combine(work, patch.FileName);
                File.WriteAllBytes(file, patch.Content);
                Tools.GitApply(byGit, file, check: true);
                Tools.GitApply(byGit, file);
                Tools.PatchP1(byPatch, file, dryRun: true);
                Tools.PatchP1(byPatch, file, dryRun: false);
            }

            Assert.Equal(Tools.Snapshot(byGit), Tools.Snapshot(byPatch));

            var (_, again) = FixRunner.Run(byGit, includeUnsafe);
            var families = set.Patches.Select(p => p.Family).ToHashSet();
            Assert.DoesNotContain(again.Patches, p => families.Contains(p.Family));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void CompareOrBless(string expectedDirectory, Dictionary<string, byte[]> actual)
    {
        var bless = Environment.GetEnvironmentVariable("CONSOLIDATE_BLESS") == "1";
        if (bless)
        {
            if (Directory.Exists(expectedDirectory))
                Directory.Delete(expectedDirectory, recursive: true);
            Directory.CreateDirectory(expectedDirectory);
            foreach (var (name, content) in actual)
                File.WriteAllBytes(Path.Combine(expectedDirectory, name), content);
            return;
        }

        var expectedNames = Directory.Exists(expectedDirectory)
            ? Directory.EnumerateFiles(expectedDirectory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
        Assert.True(
            expectedNames.SequenceEqual(actual.Keys.Order(StringComparer.Ordinal)),
            $"expected files [{string.Join(", ", expectedNames)}] but the run produced [{string.Join(", ", actual.Keys.Order(StringComparer.Ordinal))}]; rerun with CONSOLIDATE_BLESS=1 after checking the output");
        foreach (var (name, content) in actual)
        {
            var expected = File.ReadAllBytes(Path.Combine(expectedDirectory, name));
            if (!expected.AsSpan().SequenceEqual(content))
                Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(content));
            Assert.True(expected.AsSpan().SequenceEqual(content), $"{name} differs byte for byte");
        }
    }
}
