using System.Collections.Immutable;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Rules;
using Consolidate.Analyzers.Rules.Duplication;
using Consolidate.Analyzers.Tests.Support;

namespace Consolidate.Analyzers.Tests.Clones;

/// <summary>
/// CONS202 duplicate-fragment: each fragment class once, at its canonical member. The harness cases run the whole
/// scan (real frontends, the clone index wired into <see cref="RepositoryAnalyzer"/>); the others build the model
/// from test tokens so the message can be checked word for word.
/// </summary>
public sealed class CONS202DuplicateFragmentTests
{
    [Fact, Trait("Rule", "CONS202")]
    public void A_function_copied_into_another_module_is_reported_at_the_canonical_copy() => RuleHarness.Verify<CONS202DuplicateFragment>(
        ("agents/core/deploy.py", "import docker\n\n\n[|" + CloneSamples.PythonDeploy + "|]\n\n\n" + CloneSamples.PythonReport + "\n"),
        ("agents/ops/workers.py", "import podman\n\n\n" + CloneSamples.PythonParse + "\n\n\n" + CloneSamples.PythonDeployRenamed + "\n"));

    [Fact, Trait("Rule", "CONS202")]
    public void Copies_of_whole_files_and_small_functions_are_not_reported() => RuleHarness.Verify<CONS202DuplicateFragment>(
        ("a/deploy.py", CloneSamples.PythonDeploy + "\n"),
        ("b/deploy.py", CloneSamples.PythonDeploy + "\n"),
        ("a/util.sh", "log() {\n  echo \"$(date +%T) $*\" >&2\n}\n"),
        ("b/util.sh", "log() {\n  echo \"$(date +%T) $*\" >&2\n}\n"));

    [Fact, Trait("Rule", "CONS202")]
    public void A_shell_function_and_a_dockerfile_stage_are_reported_through_the_real_frontends() => RuleHarness.Verify<CONS202DuplicateFragment>(
        ("ci/build.sh", "#!/usr/bin/env bash\nset -euo pipefail\n\n[|" + CloneSamples.ShellBuild + "|]\n\n" + CloneSamples.ShellCleanup + "\n"),
        ("ops/release.sh", "#!/usr/bin/env bash\nset -euo pipefail\n\n" + CloneSamples.ShellBuildRenamed + "\n\nmake_release \"$1\"\n"),
        ("services/api/Dockerfile", "[|" + CloneSamples.DockerBuildStage + "|]\n\n" + CloneSamples.DockerRuntimeStage + "\n"),
        ("services/worker/Dockerfile", CloneSamples.DockerBuildStageRenamed + "\n\nFROM python:3.12-slim AS migrations\nRUN pip install --no-cache-dir alembic==1.13.2\nCOPY migrations/ /migrations/\nRUN python -m compileall -q /migrations && alembic --config /migrations/alembic.ini check\nCMD [\"alembic\", \"upgrade\", \"head\"]\n"));

    [Fact, Trait("Rule", "CONS202")]
    public void The_message_names_the_fragment_the_kind_the_class_and_the_copy_to_keep()
    {
        var (diagnostics, clusters) = Run(
            ("agents/core/base_agent.py", CloneSamples.PythonReport + "\n\n\n" + CloneSamples.PythonDeploy + "\n"),
            ("agents/a/agent.py", CloneSamples.PythonParse + "\n\n\n" + CloneSamples.PythonDeployRenamed + "\n"),
            ("agents/b/agent.py", "def unrelated(x):\n    return x\n\n\n" + CloneSamples.PythonDeployRenamed + "\n"));

        var diagnostic = Assert.Single(diagnostics);
        var cluster = Assert.Single(clusters);
        Assert.Equal(("agents/core/base_agent.py", 13, 22), (diagnostic.Path, diagnostic.Line, diagnostic.EndLine));
        Assert.Equal(
            $"function 'deploy_service' is repeated in 2 other places (renamed clone: only names and literals differ, class {cluster.Id}); " +
            "keep 'agents/core/base_agent.py:13-22' (the most referenced copy (4 references)) and call it from the others",
            diagnostic.Message);
        Assert.Equal(
            ["agents/a/agent.py:16-25 renamed copy of 'agents/core/base_agent.py:13-22'", "agents/b/agent.py:5-14 renamed copy of 'agents/core/base_agent.py:13-22'"],
            diagnostic.Related.Select(r => $"{r.Path}:{r.StartLine}-{r.EndLine} {r.Message}"));
    }

    [Fact, Trait("Rule", "CONS202")]
    public void Near_clones_show_their_similarity_and_statement_runs_their_size()
    {
        var (near, _) = Run(("a.py", CloneSamples.PythonReport + "\n\n" + CloneSamples.PythonDeploy), ("b.py", CloneSamples.PythonParse + "\n\n" + CloneSamples.PythonDeployNear));
        var block = string.Concat(CloneSamples.PythonPastedBlock.Split('\n').Select(l => "    " + l + "\n"));
        var (run, _) = Run(
            ("clients/items.py", "def fetch_items(token, base_url, page):\n    items = []\n" + block + "    return items\n\n\n" + CloneSamples.PythonReport + "\n"),
            ("jobs/sync.py", CloneSamples.PythonParse + "\n\n\ndef sync(token, base_url, page, items):\n" + block + SyncTail));

        Assert.Matches(@"^function 'deploy_service' is repeated in 1 other place \(near clone, (8\d|9\d)% similar, class frag-[0-9a-f]{12}\)", Assert.Single(near).Message);
        Assert.StartsWith("8 lines of statements in 'sync' are repeated in 1 other place (exact clone, class frag-", Assert.Single(run).Message, StringComparison.Ordinal);
    }

    [Fact, Trait("Rule", "CONS202")]
    public void Classes_methods_and_stages_are_named_as_such()
    {
        const string Method = """
                def publish(self, release, channel):
                    payload = {"version": release.version, "notes": release.notes, "channel": channel}
                    for hook in self.hooks.get(channel, []):
                        response = self.session.post(hook.url, json=payload, timeout=hook.timeout)
                        if response.status_code >= 400:
                            self.failures.append((hook.url, response.status_code))
                    return not self.failures
            """;
        var (methods, _) = Run(
            ("a.py", "class Notifier:\n" + Indent(CloneSamples.PythonReport) + "\n" + Method),
            ("b.py", "class ReleaseBot:\n" + Indent(CloneSamples.PythonDeploy) + "\n" + Method));
        Assert.StartsWith("method 'Notifier.publish' is repeated in 1 other place (exact clone", Assert.Single(methods).Message, StringComparison.Ordinal);

        var (classes, _) = Run(("a.py", CloneSamples.PythonParse), ("b.py", CloneSamples.PythonParse.Replace("ConfigReader", "SettingsReader") + "\n\n" + CloneSamples.PythonReport));
        var (stages, _) = Run(("api/Dockerfile", CloneSamples.DockerBuildStage + "\n\n" + CloneSamples.DockerRuntimeStage), ("cli/Dockerfile", CloneSamples.DockerBuildStageRenamed + "\nFROM alpine:3.20 AS pack\nRUN apk add --no-cache upx zstd tar && upx --best /dist/api && tar --zstd -cf /dist/api.tar.zst /dist/api\n"));

        Assert.StartsWith("class 'ConfigReader' is repeated", Assert.Single(classes).Message, StringComparison.Ordinal);
        Assert.StartsWith("stage 'build' is repeated", Assert.Single(stages).Message, StringComparison.Ordinal);
    }

    private static string Indent(string code) => string.Concat(code.Split('\n').Select(l => "    " + l + "\n"));

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

    private static (IReadOnlyList<Diagnostic> Diagnostics, ImmutableArray<CloneCluster> Clusters) Run(params (string Path, string Text)[] files)
    {
        var models = TestTokenBuilder.Files(files).ToImmutableArray();
        var clusters = CloneIndex.Build(models, new CloneOptions(), path => path.Contains("core", StringComparison.Ordinal) ? 4 : 1, CancellationToken.None);
        var model = new RepositoryModel(models, clusters, ConsolidateConfig.Default);
        var rule = new CONS202DuplicateFragment();
        var sink = new List<Diagnostic>();
        rule.Analyze(new RuleContext(rule.Descriptor, model, sink, CancellationToken.None));
        return (sink, clusters.Where(c => c.Scope == CloneScope.Fragment).ToImmutableArray());
    }
}
