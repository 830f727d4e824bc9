using Consolidate.Analyzers.Rules.Terms;
using Consolidate.Analyzers.Tests.Support;

namespace Consolidate.Analyzers.Tests.Rules.Terms;

public sealed class CONS401BannedTermTests
{
    private const string Config = "terms:\n  - term: conceptual\n    replacement: theoretical\n";

    [Fact, Trait("Rule", "CONS401")]
    public void Comments_strings_and_identifiers_in_every_language_are_reported() => RuleHarness.VerifyWithConfig<CONS401BannedTerm>(
        Config,
        ("planner.py", "# a [|conceptual|] planner\nclass [|Conceptual|]Planner:\n    def build_[|conceptual|]_model(self):\n        return \"[|CONCEPTUAL|] mode\"\n"),
        ("run.sh", "#!/bin/bash\n# [|conceptual|] mode\n[|CONCEPTUAL|]_MODE=1\necho \"$[|CONCEPTUAL|]_MODE\"\n"),
        ("Dockerfile", "FROM alpine:3.20\nLABEL description=\"[|conceptual|] agent\"\n"),
        ("notes.md", "The [|conceptual|] design.\n"));

    [Fact, Trait("Rule", "CONS401")]
    public void Urls_and_longer_words_are_clean() => RuleHarness.VerifyWithConfig<CONS401BannedTerm>(
        Config,
        ("a.py", "# see https://example.com/docs/conceptual-overview\nx = \"preconceptualize\"\ny = \"conceptualization\"\n"),
        ("b.sh", "echo www.example.com/conceptual\n"));

    [Fact, Trait("Rule", "CONS401")]
    public void The_config_that_bans_a_term_is_not_a_use_of_it() => RuleHarness.VerifyWithConfig<CONS401BannedTerm>(
        Config,
        ("consolidate.yml", Config));

    [Fact, Trait("Rule", "CONS401")]
    public void Without_terms_nothing_is_reported() => RuleHarness.Verify<CONS401BannedTerm>(("a.py", "# conceptual\n"));

    [Theory]
    [InlineData("conceptual", "theoretical")]
    [InlineData("Conceptual", "Theoretical")]
    [InlineData("CONCEPTUAL", "THEORETICAL")]
    [InlineData("cOnCePtUaL", "theoretical")]
    public void Replacement_keeps_the_case_form(string found, string expected) => Assert.Equal(expected, TermMatcher.PreserveCase(found, "theoretical"));
}
