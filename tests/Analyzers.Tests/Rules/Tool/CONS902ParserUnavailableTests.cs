using System.Collections.Immutable;
using System.Text;
using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends.Shell;
using Consolidate.Analyzers.Frontends.Shell.Native;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Rules.Tool;
using Consolidate.Analyzers.Scanning;
using Consolidate.Analyzers.Tests.Support;

namespace Consolidate.Analyzers.Tests.Rules.Tool;

public sealed class CONS902ParserUnavailableTests
{
    [Fact, Trait("Rule", "CONS902")]
    public void A_missing_native_library_is_one_finding_not_one_per_file()
    {
        var shell = new ShellFrontend(ShellFrontend.DefaultParseBudget, () => throw new DllNotFoundException("libconsolidate_treesitter.so: cannot open shared object file"));
        using var frontends = new FrontendSet([shell]);
        var files = ImmutableArray.Create(Scanned("b/run.sh", "echo run\n"), Scanned("a/deploy.sh", "echo deploy\n"));

        var result = ModelPipeline.Run("/repo", files, ConsolidateConfig.Default, frontends, SeverityPolicy.Defaults, [], 1, null, CancellationToken.None);

        var finding = Assert.Single(result.Reported);
        Assert.Equal(RuleCatalog.ParserUnavailable, finding.Rule);
        Assert.Equal(("a/deploy.sh", 1), (finding.Path, finding.Line));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("2 files (shell) were not parsed", finding.Message, StringComparison.Ordinal);
        Assert.Contains(TreeSitterApi.LibraryFileName, finding.Message, StringComparison.Ordinal);
    }

    [Fact, Trait("Rule", "CONS902")]
    public void Files_parsed_with_the_library_are_clean() => RuleHarness.Verify<CONS902ParserUnavailable>(
        ("ok.sh", "echo fine\n"),
        ("ok.py", "def fine():\n    return 1\n"));

    private static ScannedFile Scanned(string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new ScannedFile(path, Language.Shell, ParseStatus.Ok, null, bytes.Length,
            new SourceDocument(path, Language.Shell, bytes, new SourceText(text), null));
    }
}
