using Consolidate.Analyzers.Clones;

namespace Consolidate.Analyzers.Tests.Clones;

/// <summary>Each kind (exact, renamed, near) at each scope (whole file, fragment).</summary>
public sealed class CloneKindTests
{
    public static TheoryData<string, string> Files => new()
    {
        { "py", CloneSamples.PythonDeploy + "\n\n" + CloneSamples.PythonReport },
        { "sh", "#!/usr/bin/env bash\nset -euo pipefail\n\n" + CloneSamples.ShellBuild + "\n\n" + CloneSamples.ShellCleanup + "\n" },
        { "Dockerfile", CloneSamples.DockerBuildStage + "\n\n" + CloneSamples.DockerRuntimeStage + "\n" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Exact_file_copies_match_whatever_their_comments_and_blank_lines(string extension, string text)
    {
        var copy = "# copied from the platform repository\n\n" + string.Join("\n", text.Split('\n').Select(l => l.EndsWith('\\') ? l : l + "   \n")) + "\n# end of copy\n";
        var clusters = CloneRun.Of((Name("a", extension), text), (Name("deep/b", extension), copy));

        var cluster = Assert.Single(clusters);
        Assert.Equal((CloneScope.File, CloneKind.Exact, 1.0), (cluster.Scope, cluster.Kind, cluster.Similarity));
        Assert.Equal([Name("a", extension), Name("deep/b", extension)], cluster.Members.Select(m => m.Path));
        Assert.Equal(1, cluster.Members[0].StartLine);
        Assert.Equal(new Model.SourceText(text).LineCount, cluster.Members[0].EndLine);
    }

    [Fact]
    public void Renamed_file_copies_differ_only_in_names_and_literals()
    {
        var clusters = CloneRun.Of(
            ("agents/deploy.py", "import docker\n\n" + CloneSamples.PythonDeploy),
            ("tools/launch.py", "import podman\n\n" + CloneSamples.PythonDeployRenamed),
            ("ci/build.sh", "#!/usr/bin/env bash\nset -euo pipefail\n\n" + CloneSamples.ShellBuild),
            ("ops/release.sh", "#!/bin/bash\nset -euo pipefail\n\n" + CloneSamples.ShellBuildRenamed));

        Assert.Equal(
            "File Renamed agents/deploy.py:1-12 tools/launch.py:1-12\nFile Renamed ci/build.sh:1-13 ops/release.sh:1-13",
            CloneRun.Describe(clusters));
        Assert.All(clusters, c => Assert.Equal(1.0, c.Similarity));
    }

    [Fact]
    public void Near_file_copies_have_statements_added_and_changed()
    {
        var clusters = CloneRun.Of(("a/deploy.py", CloneSamples.PythonDeploy), ("b/deploy.py", CloneSamples.PythonDeployNear));

        var cluster = Assert.Single(clusters);
        Assert.Equal((CloneScope.File, CloneKind.Near), (cluster.Scope, cluster.Kind));
        Assert.InRange(cluster.Similarity, 0.8, 0.99);
    }

    [Theory]
    [InlineData(CloneKind.Exact)]
    [InlineData(CloneKind.Renamed)]
    [InlineData(CloneKind.Near)]
    public void A_function_repeated_in_otherwise_different_files_is_a_fragment_clone(CloneKind kind)
    {
        var copy = kind switch
        {
            CloneKind.Exact => CloneSamples.PythonDeploy.Replace("    client.images.pull(image)", "    # always pull\n    client.images.pull(image)"),
            CloneKind.Renamed => CloneSamples.PythonDeployRenamed,
            _ => CloneSamples.PythonDeployNear,
        };
        var first = CloneSamples.PythonReport + "\n\n\n" + CloneSamples.PythonDeploy + "\n";
        var second = CloneSamples.PythonParse + "\n\n\n" + copy + "\n";

        var clusters = CloneRun.Of(("agents/core/report.py", first), ("agents/ops/config.py", second));

        var cluster = Assert.Single(clusters);
        Assert.Equal((CloneScope.Fragment, kind), (cluster.Scope, cluster.Kind));
        Assert.Equal(CloneRun.LinesOf(first, CloneSamples.PythonDeploy), (cluster.Members[0].StartLine, cluster.Members[0].EndLine));
        Assert.Equal(CloneRun.LinesOf(second, copy), (cluster.Members[1].StartLine, cluster.Members[1].EndLine));
        Assert.Equal(kind == CloneKind.Renamed ? "launch_worker" : "deploy_service", cluster.Members[1].Symbol);
        if (kind == CloneKind.Near)
            Assert.InRange(cluster.Similarity, 0.8, 0.99);
    }

    [Fact]
    public void A_shell_function_repeated_with_other_names_is_a_renamed_fragment_clone()
    {
        var clusters = CloneRun.Of(
            ("ci/build.sh", "#!/usr/bin/env bash\nset -euo pipefail\n\n" + CloneSamples.ShellBuild + "\n\n" + CloneSamples.ShellCleanup + "\n\nbuild_image \"$1\"\n"),
            ("ops/release.sh", "#!/usr/bin/env bash\n\n" + CloneSamples.ShellBuildRenamed + "\n\nmake_release \"$@\"\n"));

        Assert.Equal("Fragment Renamed ci/build.sh:4-13 ops/release.sh:3-12", CloneRun.Describe(clusters));
        Assert.Equal(["build_image", "make_release"], clusters[0].Members.Select(m => m.Symbol));
    }

    [Fact]
    public void A_dockerfile_stage_repeated_with_other_paths_is_a_renamed_fragment_clone()
    {
        var clusters = CloneRun.Of(
            ("services/api/Dockerfile", CloneSamples.DockerBuildStage + "\n\n" + CloneSamples.DockerRuntimeStage + "\n"),
            ("services/worker/Dockerfile", CloneSamples.DockerBuildStageRenamed + "\n\n" + WorkerRuntime));

        var cluster = Assert.Single(clusters);
        Assert.Equal("Fragment Renamed services/api/Dockerfile:1-12 services/worker/Dockerfile:1-12", CloneRun.Describe(cluster));
        Assert.Equal(["build", "compile"], cluster.Members.Select(m => m.Symbol));
    }

    [Fact]
    public void A_block_of_statements_pasted_into_different_functions_is_a_fragment_clone()
    {
        var block = Indent(CloneSamples.PythonPastedBlock);
        var first = "def fetch_items(token, base_url, page):\n    items = []\n" + block + FetchTail + "\n\n" + CloneSamples.PythonReport + "\n";
        var second = "def sync_catalog(token, base_url, store):\n    page = store.next_page()\n    items = store.pending\n" + block + SyncTail + "\n\n" + CloneSamples.PythonParse + "\n";

        var clusters = CloneRun.Of(("clients/items.py", first), ("jobs/catalog.py", second));

        var cluster = Assert.Single(clusters);
        Assert.Equal((CloneScope.Fragment, CloneKind.Exact), (cluster.Scope, cluster.Kind));
        Assert.Equal("Fragment Exact clients/items.py:3-10 jobs/catalog.py:4-11", CloneRun.Describe(cluster));
        Assert.Equal(["fetch_items", "sync_catalog"], cluster.Members.Select(m => m.Symbol));
    }

    [Fact]
    public void A_block_pasted_into_scripts_without_functions_is_a_fragment_clone()
    {
        var first = "#!/usr/bin/env bash\nset -euo pipefail\nAGENT_VERSION=\"${1:?version}\"\napt-get install -y --no-install-recommends jq\n" + CloneSamples.ShellPastedBlock + "\necho \"agent ${AGENT_VERSION} installed\"\n";
        var second = "#!/bin/sh\nset -e\n. /etc/os-release\nAGENT_VERSION=2.4.1\nif [ \"$ID\" != debian ]; then\n  echo unsupported >&2\n  exit 1\nfi\n" + CloneSamples.ShellPastedBlock + "\njournalctl -u agent --no-pager | tail -n 20\n";

        var clusters = CloneRun.Of(("install/agent.sh", first), ("images/agent/setup.sh", second));

        var cluster = Assert.Single(clusters);
        Assert.Equal("Fragment Exact images/agent/setup.sh:9-18 install/agent.sh:5-14", CloneRun.Describe(cluster));
        Assert.All(cluster.Members, m => Assert.Null(m.Symbol));
    }

    private const string FetchTail = """
            while payload.get("next"):
                page += 1
                response = session.get(payload["next"], timeout=30)
                payload = response.json()
                items.extend(payload["items"])
            cache.store(f"items:{base_url}", items, ttl=3600)
            metrics.gauge("items.fetched", len(items), tags={"source": base_url})
            return [Item.from_dict(raw) for raw in items if raw.get("active")]
        """;

    private const string SyncTail = """
            added, removed = diff_catalog(store.catalog, items)
            for entry in added:
                store.catalog[entry["sku"]] = entry
                events.publish("catalog.added", entry["sku"])
            for sku in removed:
                del store.catalog[sku]
            store.save(items)
            log.info("synced %d items (%d new, %d gone)", len(items), len(added), len(removed))
        """;

    private const string WorkerRuntime = """
        FROM python:3.12-slim AS migrations
        RUN pip install --no-cache-dir alembic==1.13.2 psycopg[binary]==3.2.1
        COPY migrations/ /migrations/
        RUN python -m compileall -q /migrations && alembic --config /migrations/alembic.ini check
        CMD ["alembic", "--config", "/migrations/alembic.ini", "upgrade", "head"]

        FROM debian:12-slim AS runtime
        RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates tini \\
            && rm -rf /var/lib/apt/lists/*
        RUN groupadd --system worker && useradd --system --gid worker --home-dir /srv worker
        COPY --from=compile /dist/api /usr/local/bin/api
        COPY --from=compile /dist/etc /etc/worker
        ENV WORKER_CONCURRENCY=8 WORKER_QUEUE=default
        VOLUME ["/srv/spool"]
        USER worker
        ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/api", "--config", "/etc/worker/base.yaml"]
        """;

    private static string Name(string stem, string extension) => extension == "Dockerfile" ? stem + "/Dockerfile" : stem + "." + extension;

    private static string Indent(string block) => string.Concat(block.Split('\n').Select(l => "    " + l + "\n"));
}
