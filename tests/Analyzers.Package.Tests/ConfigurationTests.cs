using System.Collections.Immutable;
using Consolidate.Analyzers.Package.Tests.Support;

namespace Consolidate.Analyzers.Package.Tests;

/// <summary>consolidate.yml reaches the package as an additional file; ConsolidateConfig names another one, as the CLI's --config.</summary>
public sealed class ConfigurationTests
{
    private const string Terms = "terms:\n  - term: conceptual\n    replacement: theoretical\nexclude: [\"legacy/**\"]\n";

    [Fact]
    public void Consolidate_yml_at_the_root_configures_the_rules()
    {
        var found = PackageHarness.Run("/repo", [("consolidate.yml", Terms), ("run.sh", "# a conceptual step\necho hi\n"), ("legacy/old.sh", "# conceptual\n")]);
        var finding = Assert.Single(found);
        Assert.Equal("CONS401", finding.Id);
        Assert.Equal("/repo/run.sh", finding.Location.GetLineSpan().Path);
    }

    [Fact]
    public void ConsolidateConfig_names_the_configuration_file()
    {
        var global = ImmutableDictionary<string, string>.Empty.Add("build_property.ConsolidateConfig", "tools/consolidate.yml");
        var found = PackageHarness.Run("/repo", [("tools/consolidate.yml", Terms), ("run.sh", "# a conceptual step\necho hi\n")], globalOptions: global);
        Assert.Equal("CONS401", Assert.Single(found).Id);

        var unconfigured = PackageHarness.Run("/repo", [("tools/consolidate.yml", Terms), ("run.sh", "# a conceptual step\necho hi\n")]);
        Assert.Empty(unconfigured);
    }
}
