using Consolidate.Analyzers.Rules.Duplication;
using Consolidate.Analyzers.Tests.Support;

namespace Consolidate.Analyzers.Tests.Rules.Duplication;

public sealed class CONS201DuplicateFileTests
{
    private const string Body = "echo one\necho two\necho three\necho four\necho five\necho six";

    [Fact, Trait("Rule", "CONS201")]
    public void Copies_are_reported_once_at_the_canonical_copy() => RuleHarness.Verify<CONS201DuplicateFile>(
        ("a.sh", $"[|{Body}|]\n"),
        ("deep/b.sh", Body + "\n"),
        ("deep/c.sh", Body.Replace("\n", "\r\n") + "  \r\n"));

    [Fact, Trait("Rule", "CONS201")]
    public void Different_files_are_clean() => RuleHarness.Verify<CONS201DuplicateFile>(
        ("a.sh", Body + "\n"),
        ("b.sh", Body.Replace("six", "seven") + "\n"));
}
