using Consolidate.Analyzers.Rules.Scripts;
using Consolidate.Analyzers.Tests.Support;

namespace Consolidate.Analyzers.Tests.Rules.Scripts;

public sealed class CONS602HardcodedAbsolutePathTests
{
    private const string Config = "installRoots: [/opt/orbit]\n";

    [Fact, Trait("Rule", "CONS602")]
    public void Paths_under_the_install_root_are_reported() => RuleHarness.VerifyWithConfig<CONS602HardcodedAbsolutePath>(
        Config,
        ("run.sh", "#!/bin/bash\nLOG_DIR=[|/opt/orbit/logs|]\ncd [|\"/opt/orbit/scripts\"|]\n[|/opt/orbit/bin/start|] --now\n"),
        ("tool.py", "LOGS = [|\"/opt/orbit/logs/app.log\"|]\n"));

    [Fact, Trait("Rule", "CONS602")]
    public void Other_absolute_paths_and_no_config_are_clean()
    {
        RuleHarness.VerifyWithConfig<CONS602HardcodedAbsolutePath>(
            Config,
            ("run.sh", "#!/bin/bash\n/usr/bin/env python3 x.py\ncd /opt/orbital\ncd /var/opt/orbit\n"));
        RuleHarness.Verify<CONS602HardcodedAbsolutePath>(("run.sh", "cd /opt/orbit/logs\n"));
    }
}
