using Consolidate.Analyzers.Rules.Tool;
using Consolidate.Analyzers.Tests.Support;

namespace Consolidate.Analyzers.Tests.Rules.Tool;

public sealed class CONS901FileNotParsedTests
{
    [Fact, Trait("Rule", "CONS901")]
    public void Syntax_errors_are_reported_at_their_line() => RuleHarness.Verify<CONS901FileNotParsed>(
        ("broken.py", "x = 1\n[|def broken(:|]\n    pass\n"));

    [Fact, Trait("Rule", "CONS901")]
    public void Clean_files_are_clean() => RuleHarness.Verify<CONS901FileNotParsed>(
        ("ok.py", "def fine():\n    return 1\n"),
        ("ok.sh", "echo fine\n"));
}
