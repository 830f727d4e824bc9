using Consolidate.Analyzers.Rules.Scripts;
using Consolidate.Analyzers.Tests.Support;

namespace Consolidate.Analyzers.Tests.Rules.Scripts;

public sealed class CONS601ShellMissingStrictModeTests
{
    [Fact, Trait("Rule", "CONS601")]
    public void Script_without_set_e_is_reported_at_its_first_command() => RuleHarness.Verify<CONS601ShellMissingStrictMode>(
        ("run.sh", "#!/bin/bash\n# deploy\n[|cd /srv|]\nmake deploy\n"));

    [Fact, Trait("Rule", "CONS601")]
    public void Strict_scripts_shebang_flags_and_function_libraries_are_clean() => RuleHarness.Verify<CONS601ShellMissingStrictMode>(
        ("a.sh", "#!/bin/bash\nset -euo pipefail\nmake\n"),
        ("b.sh", "#!/bin/bash\nset -o errexit\nmake\n"),
        ("c.sh", "#!/bin/bash -e\nmake\n"),
        ("lib.sh", "log() {\n  echo \"$@\"\n}\n"));
}
