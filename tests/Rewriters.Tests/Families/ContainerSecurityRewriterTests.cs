using Consolidate.Rewriters.Families.ContainerSecurity;
using Consolidate.Rewriters.Tests.Support;

namespace Consolidate.Rewriters.Tests.Families;

public sealed class ContainerSecurityRewriterTests
{
    private const string Digest = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("python:3.12-slim", "Debian")]
    [InlineData("docker.io/library/python:3.12", "Debian")]
    [InlineData("node:22-alpine", "Alpine")]
    [InlineData("alpine:3.20", "Alpine")]
    [InlineData("ubuntu", "Debian")]
    [InlineData("python:3.12-windowsservercore", "Unknown")]
    [InlineData("gcr.io/distroless/python3-debian12", "Unknown")]
    [InlineData("bitnami/python:3.12", "Unknown")]
    [InlineData("${BASE_IMAGE}", "Unknown")]
    [InlineData("scratch", "Unknown")]
    public void Only_known_official_bases_get_a_user(string image, string expected) =>
        Assert.Equal(expected, BaseImage.Tooling(image).ToString());

    [Theory]
    [InlineData("container-security")]
    [InlineData("container-security-display-only")]
    [InlineData("container-security-pins")]
    public void Every_finding_is_edited_or_refused(string fixture)
    {
        var scan = FixRunner.Scan(Path.Combine(Tools.RepositoryPath("tests/Fixtures"), fixture, "input"));
        var changes = new ContainerSecurityRewriter().Rewrite(FixContext.From(scan), CancellationToken.None);
        var found = scan.Reported.Where(d => d.Rule.Id is "CONS101" or "CONS102" or "CONS103" or "CONS104" or "CONS105").ToList();
        Assert.NotEmpty(found);
        var edited = 0;
        var refused = 0;
        foreach (var finding in found)
        {
            var file = changes.Files.SingleOrDefault(f => f.Path == finding.Path);
            var text = scan.Model.File(finding.Path)!.Text!;
            var edit = finding.Rule.Id == "CONS101"
                ? file?.Edits.SingleOrDefault(e => e.Note.StartsWith("adds user", StringComparison.Ordinal))
                : file?.Edits.SingleOrDefault(e => e.Length > 0 && text.Span(e.Start, e.End - 1).StartLine <= finding.Line && finding.Line <= text.Span(e.Start, e.End - 1).EndLine);
            var refusal = changes.Refusals.Any(r => r.Path == finding.Path && (r.Reason.Contains(finding.Rule.Id, StringComparison.Ordinal) || r.Reason.Contains("no USER added to " + finding.Path, StringComparison.Ordinal)));
            Assert.True(edit is not null ^ refusal, $"{finding.Rule.Id} {finding.Path}:{finding.Line}: edited {edit is not null}, refused {refusal}");
            if (edit is not null)
                edited++;
            else
                refused++;
        }

        Assert.Equal(found.Count, edited + refused);
    }

    [Theory]
    [InlineData("FROM python:latest\nUSER 1\n", "FROM python:3.12.7-slim\nUSER 1\n")]
    [InlineData("FROM python\nUSER 1\n", "FROM python:3.12.7-slim\nUSER 1\n")]
    [InlineData("FROM docker.io/library/python:latest\nUSER 1\n", "no pin for 'docker.io/library/python'")]
    [InlineData("FROM registry.example.com:5000/team/app\nUSER 1\n", "FROM registry.example.com:5000/team/app:1.4@sha256:" + Digest + "\nUSER 1\n")]
    [InlineData("FROM \\\n  python:latest\nUSER 1\n", "FROM \\\n  python:3.12.7-slim\nUSER 1\n")]
    [InlineData("FROM pyth\\\non:latest\nUSER 1\n", "is not written as one plain word")]
    [InlineData("ARG BASE=python\nFROM ${BASE}\nUSER 1\n", "takes its image from a variable")]
    public void A_pin_is_written_only_for_a_configured_image_in_a_plain_from(string dockerfile, string expected)
    {
        var root = Tools.TempDirectory();
        try
        {
            File.WriteAllText(Path.Combine(root, "consolidate.yml"), $"pins:\n  python: 3.12.7-slim\n  registry.example.com:5000/team/app: 1.4@sha256:{Digest}\n");
            File.WriteAllText(Path.Combine(root, "Dockerfile"), dockerfile);
            var scan = FixRunner.Scan(root);
            var finding = Assert.Single(scan.Reported, d => d.Rule.Id == "CONS102");
            var (edit, reason) = BaseImagePin.Plan(scan.Model.File("Dockerfile")!, finding.Line, scan.Model.Config.Pins);

            if (edit is null)
                Assert.Contains(expected, reason, StringComparison.Ordinal);
            else
                Assert.Equal(expected, dockerfile[..edit.Start] + edit.Replacement + dockerfile[edit.End..]);
            Assert.True(edit is null || edit.Safety == FixSafety.Safe);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Compose_removals_are_unsafe_and_user_additions_safe()
    {
        var scan = FixRunner.Scan(Path.Combine(Tools.RepositoryPath("tests/Fixtures"), "container-security", "input"));
        var changes = new ContainerSecurityRewriter().Rewrite(FixContext.From(scan), CancellationToken.None);
        Assert.All(changes.Files.Single(f => f.Path == "docker-compose.yml").Edits, e => Assert.Equal(FixSafety.Unsafe, e.Safety));
        Assert.All(changes.Files.Where(f => f.Path.EndsWith("Dockerfile", StringComparison.Ordinal)).SelectMany(f => f.Edits), e => Assert.Equal(FixSafety.Safe, e.Safety));
        var safeOnly = changes.Filter(FixSafety.Safe);
        Assert.DoesNotContain(safeOnly.Files, f => f.Path == "docker-compose.yml");
        Assert.Contains(safeOnly.Refusals, r => r.Path == "docker-compose.yml" && r.Reason.StartsWith("unsafe, left out", StringComparison.Ordinal) && r.Reason.Contains("privileged", StringComparison.Ordinal));
    }
}
