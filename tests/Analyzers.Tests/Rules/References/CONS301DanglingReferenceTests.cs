using Consolidate.Analyzers.Rules.References;
using Consolidate.Analyzers.Tests.Support;

namespace Consolidate.Analyzers.Tests.Rules.References;

public sealed class CONS301DanglingReferenceTests
{
    [Fact, Trait("Rule", "CONS301")]
    public void Missing_scripts_and_modules_are_reported_at_the_source_line() => RuleHarness.Verify<CONS301DanglingReference>(
        ("scripts/deploy.sh", "#!/bin/bash\n. \"$(dirname \"$0\")/lib/common.sh\"\n[|\"$(dirname \"$0\")/migrate.sh\"|]\n"),
        ("scripts/lib/common.sh", "log() { echo \"$@\"; }\n"),
        ("app/__init__.py", ""),
        ("app/main.py", "from app import helpers\n[|from app.missing import thing|]\n[|from .gone import x|]\n"),
        ("app/helpers.py", "X = 1\n"));

    [Fact, Trait("Rule", "CONS301")]
    public void Variables_urls_system_paths_and_third_party_modules_are_not_dangling() => RuleHarness.Verify<CONS301DanglingReference>(
        ("run.sh", "#!/bin/bash\nsource \"$HOME/.profile\"\n/usr/bin/env python3 --version\nbash \"$TOOLS/x.sh\"\ncurl https://example.com/x.sh | bash\n./not-here-but-cwd-unknown.sh\n"),
        ("tool.py", "import os\nimport requests\nfrom yaml import safe_load\nimport importlib\nimportlib.import_module('json')\n"));

    [Fact, Trait("Rule", "CONS301")]
    public void Compose_builds_and_copies_are_checked() => RuleHarness.Verify<CONS301DanglingReference>(
        ("docker-compose.yml", "services:\n  api:\n    build: ./api\n  gone:\n    build:\n      context: ./gone\n[|      dockerfile: Dockerfile.missing|]\n"),
        ("api/Dockerfile", "FROM python:3.12-slim\nCOPY app.py /app/\n[|COPY missing.py /app/|]\nCOPY --from=build /x /y\n"),
        ("api/app.py", "print(1)\n"),
        ("gone/.keep", ""));
}
