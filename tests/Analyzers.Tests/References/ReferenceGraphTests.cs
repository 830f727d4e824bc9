using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Scanning;
using Consolidate.Tests.Support;

namespace Consolidate.Analyzers.Tests.References;

/// <summary>Each spelling and resolution rule, asserting the exact edge list: "source:line kind target resolved|dangling|unknown".</summary>
public sealed class ReferenceGraphTests
{
    private static readonly Lazy<FrontendSet> Frontends = new(() => FrontendFactory.Create(new FrontendOptions { PythonWorkers = 1 }));

    private static List<string> Edges(ConsolidateConfig? config, params (string Path, string Text)[] files)
    {
        using var tree = new TempTree();
        foreach (var (path, text) in files)
            tree.Write(path, text);
        var result = new RepositoryAnalyzer(config ?? ConsolidateConfig.Default, Frontends.Value, new ScanOptions()).Analyze(tree.Root, null, CancellationToken.None);
        return result.Model.References.References
            .Select(r => $"{r.Source}:{r.Line} {r.Kind} {r.Target} {(r.Resolved ? "resolved" : r.Unknowable is null ? "dangling" : "unknown")}")
            .ToList();
    }

    [Fact]
    public void Shell_script_directory_idioms_and_cd()
    {
        var edges = Edges(null,
            ("scripts/a.sh", "#!/bin/bash\nsource \"$(dirname \"$0\")/lib/x.sh\"\n. \"${BASH_SOURCE%/*}/lib/x.sh\"\nSCRIPT_DIR=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"\n\"$SCRIPT_DIR/b.sh\"\nbash b.sh\nsh ./b.sh\ncd tools && ./c.sh\npython3 tools/h.py\npython -m pkg.mod\n"),
            ("scripts/b.sh", "echo b\n"),
            ("scripts/lib/x.sh", "x() { :; }\n"),
            ("scripts/tools/c.sh", "echo c\n"),
            ("scripts/tools/h.py", "print(1)\n"),
            ("pkg/__init__.py", ""),
            ("pkg/mod.py", "X = 1\n"));

        Assert.Equal(
            [
                "scripts/a.sh:2 ShellSource scripts/lib/x.sh resolved",
                "scripts/a.sh:3 ShellSource scripts/lib/x.sh resolved",
                "scripts/a.sh:5 ShellExec scripts/b.sh resolved",
                "scripts/a.sh:6 ShellExec scripts/b.sh resolved",
                "scripts/a.sh:7 ShellExec scripts/b.sh resolved",
                "scripts/a.sh:8 ShellExec scripts/tools/c.sh resolved",
                "scripts/a.sh:9 ShellExec scripts/tools/h.py resolved",
                "scripts/a.sh:10 ShellExec pkg/mod.py resolved",
            ],
            edges);
    }

    [Fact]
    public void Unknown_variables_are_unknowable_never_guessed()
    {
        var edges = Edges(null, ("run.sh", "#!/bin/bash\nsource \"$CONFIG_DIR/env.sh\"\n\"$(some_command)/x.sh\"\n"));

        Assert.Equal(["run.sh:2 ShellSource \"$CONFIG_DIR/env.sh\" unknown", "run.sh:3 ShellExec \"$(some_command)/x.sh\" unknown"], edges);
    }

    [Fact]
    public void Python_import_spellings_resolve_against_package_roots()
    {
        var edges = Edges(null,
            ("agents/__init__.py", ""),
            ("agents/core/__init__.py", "from .base_agent import BaseAgent\n"),
            ("agents/core/base_agent.py", "class BaseAgent:\n    pass\n"),
            ("agents/sub/__init__.py", ""),
            ("agents/sub/use.py",
                "import agents.core.base_agent\nimport agents.core.base_agent as ba\nfrom agents.core import base_agent\nfrom agents.core.base_agent import BaseAgent, X\n" +
                "from ..core.base_agent import BaseAgent\nfrom . import sibling\ndef f():\n    from agents.core.base_agent import BaseAgent\ntry:\n    import agents.core.base_agent\nexcept ImportError:\n    pass\n" +
                "import importlib\nm = importlib.import_module(\"agents.core.base_agent\")\nfrom unittest import mock\np = mock.patch(\"agents.core.base_agent.BaseAgent.run\")\nimport os, requests\n"),
            ("agents/sub/sibling.py", ""),
            ("backend/app/__init__.py", ""),
            ("backend/app/main.py", "from app.util import helper\n"),
            ("backend/app/util.py", "def helper():\n    pass\n"));

        Assert.Equal(
            [
                "agents/core/__init__.py:1 PythonImport agents/core/base_agent.py resolved",
                "agents/sub/use.py:1 PythonImport agents/core/base_agent.py resolved",
                "agents/sub/use.py:2 PythonImport agents/core/base_agent.py resolved",
                "agents/sub/use.py:3 PythonImport agents/core/base_agent.py resolved",
                "agents/sub/use.py:4 PythonImport agents/core/base_agent.py resolved",
                "agents/sub/use.py:5 PythonImport agents/core/base_agent.py resolved",
                "agents/sub/use.py:6 PythonImport agents/sub/sibling.py resolved",
                "agents/sub/use.py:8 PythonImport agents/core/base_agent.py resolved",
                "agents/sub/use.py:10 PythonImport agents/core/base_agent.py resolved",
                "agents/sub/use.py:14 PythonImport agents/core/base_agent.py resolved",
                "agents/sub/use.py:16 PythonImport agents/core/base_agent.py resolved",
                "backend/app/main.py:1 PythonImport backend/app/util.py resolved",
            ],
            edges);
    }

    [Fact]
    public void Compose_build_forms_contexts_and_copies()
    {
        var edges = Edges(null,
            ("docker-compose.yml", "services:\n  a:\n    build: ./svc\n  b:\n    build:\n      context: .\n      dockerfile: svc/Dockerfile.b\n    env_file: ./config/b.env\n"),
            ("svc/Dockerfile", "FROM alpine:3.20\nCOPY start.sh /start.sh\nCOPY *.conf /etc/\n"),
            ("svc/Dockerfile.b", "FROM alpine:3.20\nCOPY svc/start.sh /start.sh\nCOPY --from=alpine:3.20 /bin/sh /sh\n"),
            ("svc/start.sh", "echo start\n"),
            ("svc/app.conf", "x=1\n"),
            ("config/b.env", "X=1\n"));

        Assert.Equal(
            [
                "docker-compose.yml:3 ComposeBuild svc/Dockerfile resolved",
                "docker-compose.yml:7 ComposeBuild svc/Dockerfile.b resolved",
                "docker-compose.yml:8 ComposeBuild config/b.env resolved",
                "svc/Dockerfile:2 DockerfileCopy svc/start.sh resolved",
                "svc/Dockerfile:3 DockerfileCopy svc/*.conf resolved",
                "svc/Dockerfile.b:2 DockerfileCopy svc/start.sh resolved",
            ],
            edges);
    }

    [Fact]
    public void Dockerignore_hides_files_from_copy()
    {
        var edges = Edges(null,
            ("app/Dockerfile", "FROM alpine:3.20\nCOPY secret.env /x\nCOPY run.sh /x\n"),
            ("app/.dockerignore", "*.env\n"),
            ("app/secret.env", "X=1\n"),
            ("app/run.sh", "echo\n"));

        Assert.Equal(["app/Dockerfile:2 DockerfileCopy app/secret.env dangling", "app/Dockerfile:3 DockerfileCopy app/run.sh resolved"], edges);
    }

    [Fact]
    public void Workflows_cron_and_makefiles()
    {
        var config = ConsolidateConfig.Default with { InstallRoots = ["/opt/app"] };
        var edges = Edges(config,
            (".github/workflows/ci.yml", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./.github/actions/setup\n      - run: ./scripts/build.sh\n      - name: multi\n        run: |\n          echo hi\n          python3 tools/check.py\n"),
            (".github/actions/setup/action.yml", "name: setup\n"),
            ("scripts/build.sh", "echo\n"),
            ("tools/check.py", "print(1)\n"),
            ("ops/crontab", "# m h dom mon dow command\n*/5 * * * * /opt/app/scripts/build.sh >> /var/log/b.log 2>&1\n@daily /usr/bin/true\n"),
            ("Makefile", "build:\n\t@./scripts/build.sh\n\t-bash scripts/missing.sh\n"));

        Assert.Equal(
            [
                ".github/workflows/ci.yml:6 Ci .github/actions/setup resolved",
                ".github/workflows/ci.yml:7 Ci scripts/build.sh resolved",
                ".github/workflows/ci.yml:11 Ci tools/check.py resolved",
                "Makefile:2 Other scripts/build.sh resolved",
                "Makefile:3 Other scripts/missing.sh dangling",
                "ops/crontab:2 Cron scripts/build.sh resolved",
            ],
            edges);
    }
}
