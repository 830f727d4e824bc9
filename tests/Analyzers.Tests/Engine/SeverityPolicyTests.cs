using System.Collections.Immutable;
using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;

namespace Consolidate.Analyzers.Tests.Engine;

public sealed class SeverityPolicyTests
{
    private static readonly RuleDescriptor Rule = RuleCatalog.DuplicateFile;

    private static SeverityPolicy Policy(params (string Directory, string Path, string Text)[] files) =>
        new("/repo", files.Select(f => (f.Directory, EditorConfigFile.Parse(f.Path, f.Text, f.Path.EndsWith(".globalconfig", StringComparison.Ordinal)))));

    [Fact]
    public void Per_file_sections_change_only_matching_files()
    {
        var policy = Policy(("/repo", ".editorconfig", "root = true\n[*.sh]\ndotnet_diagnostic.CONS201.severity = error\n[*.py]\ndotnet_diagnostic.cons201.severity = none\n"));

        Assert.Equal(Severity.Error, policy.SeverityFor(Rule, "scripts/a.sh"));
        Assert.Equal(Severity.None, policy.SeverityFor(Rule, "a/b.py"));
        Assert.Equal(Rule.DefaultSeverity, policy.SeverityFor(Rule, "Dockerfile"));
    }

    [Fact]
    public void Nearer_editorconfig_wins_and_globalconfig_is_the_floor()
    {
        var policy = Policy(
            ("/repo", ".globalconfig", "is_global = true\ndotnet_diagnostic.CONS201.severity = suggestion\n"),
            ("/repo", ".editorconfig", "root = true\n[*]\ndotnet_analyzer_diagnostic.category-duplication.severity = error\n"),
            ("/repo/agents", "agents/.editorconfig", "[Dockerfile]\ndotnet_diagnostic.CONS201.severity = warning\n"));

        Assert.Equal(Severity.Warning, policy.SeverityFor(Rule, "agents/x/Dockerfile"));
        Assert.Equal(Severity.Info, policy.SeverityFor(Rule, "scripts/a.sh"));
    }

    [Fact]
    public void Category_and_global_keys_apply_when_no_id_key()
    {
        var policy = Policy(("/repo", ".editorconfig", "[*]\ndotnet_analyzer_diagnostic.severity = error\n[*.py]\ndotnet_analyzer_diagnostic.category-duplication.severity = none\n"));

        Assert.Equal(Severity.Error, policy.SeverityFor(Rule, "a.sh"));
        Assert.Equal(Severity.None, policy.SeverityFor(Rule, "a.py"));
    }

    [Theory]
    [InlineData("*.{sh,py}", "x/a.py", true)]
    [InlineData("*.{sh,py}", "x/a.md", false)]
    [InlineData("scripts/*.sh", "scripts/a.sh", true)]
    [InlineData("scripts/*.sh", "x/scripts/a.sh", false)]
    [InlineData("**/Dockerfile", "a/b/Dockerfile", true)]
    [InlineData("file{1..3}.sh", "file2.sh", true)]
    [InlineData("file{1..3}.sh", "file4.sh", false)]
    [InlineData("[ab].sh", "b.sh", true)]
    [InlineData("[!ab].sh", "c.sh", true)]
    [InlineData("[!ab].sh", "a.sh", false)]
    [InlineData("[a-c].sh", "b.sh", true)]
    [InlineData("[c-a].sh", "b.sh", false)]
    [InlineData("[^$.].sh", "$.sh", true)]
    [InlineData("[].sh", "a.sh", false)]
    [InlineData("file{0..2147483647}.sh", "file42.sh", true)]
    [InlineData("file{0..99999999999999999999}.sh", "file42.sh", true)]
    [InlineData("file{0..2147483647}.sh", "filex.sh", false)]
    public void Editorconfig_globs(string glob, string path, bool expected) =>
        Assert.Equal(expected, new System.Text.RegularExpressions.Regex(EditorConfigFile.GlobToRegex(glob)).IsMatch(path));

    [Fact]
    public void Unterminated_section_is_an_error_with_file_and_line()
    {
        var file = EditorConfigFile.Parse(".editorconfig", "root = true\n[*.sh\nx = y\n");

        Assert.Equal(".editorconfig:2: [*.sh: section header is missing its closing ']'", file.Errors.Single().ToString());
    }

    [Fact]
    public void Parse_maps_editorconfig_words()
    {
        Assert.Equal(Severity.Info, SeverityPolicy.Parse("suggestion", Severity.Error));
        Assert.Equal(Severity.None, SeverityPolicy.Parse("silent", Severity.Error));
        Assert.Equal(Severity.Error, SeverityPolicy.Parse("default", Severity.Error));
        Assert.Null(SeverityPolicy.Parse("loud", Severity.Error));
        _ = ImmutableArray<int>.Empty;
    }
}
