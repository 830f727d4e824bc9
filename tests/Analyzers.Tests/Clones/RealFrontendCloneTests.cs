using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Tests.Clones.Accuracy;

namespace Consolidate.Analyzers.Tests.Clones;

/// <summary>The clone engine on token streams from the real frontends (tree-sitter-bash, CPython, the Dockerfile reader).</summary>
public sealed class RealFrontendCloneTests
{
    [Fact]
    public void Renamed_functions_and_stages_are_found_in_real_token_streams()
    {
        var clusters = CloneRun.Of(RealFrontendFiles.Files(
            ("agents/core/deploy.py", "import docker\n\n\n" + CloneSamples.PythonDeploy + "\n\n\n" + CloneSamples.PythonReport + "\n"),
            ("agents/ops/workers.py", "import podman\n\n\n" + CloneSamples.PythonParse + "\n\n\n" + CloneSamples.PythonDeployRenamed + "\n"),
            ("ci/build.sh", "#!/usr/bin/env bash\nset -euo pipefail\n\n" + CloneSamples.ShellBuild + "\n\n" + CloneSamples.ShellCleanup + "\n"),
            ("ops/release.sh", "#!/usr/bin/env bash\nset -euo pipefail\n\n" + CloneSamples.ShellBuildRenamed + "\n\nmake_release \"$1\"\n"),
            ("services/api/Dockerfile", CloneSamples.DockerBuildStage + "\n\n" + CloneSamples.DockerRuntimeStage + "\n"),
            ("services/cli/Dockerfile", CloneSamples.DockerBuildStageRenamed + "\n\nFROM alpine:3.20 AS pack\nRUN apk add --no-cache upx zstd tar && upx --best /dist/api && tar --zstd -cf /dist/api.tar.zst /dist/api\n")));

        Assert.Equal(
            "Fragment Renamed agents/core/deploy.py:4-13 agents/ops/workers.py:19-28\n" +
            "Fragment Renamed ci/build.sh:4-13 ops/release.sh:4-13\n" +
            "Fragment Renamed services/api/Dockerfile:1-12 services/cli/Dockerfile:1-12",
            CloneRun.Describe(clusters));
    }

    [Fact]
    public void Boilerplate_friends_stay_apart_in_real_token_streams()
    {
        const string Prelude = "#!/usr/bin/env bash\nset -euo pipefail\nshopt -s nullglob\n\necho \"== start ==\"\necho \"host: $(hostname)\"\n";
        const string Imports = "import os\nimport sys\nimport json\nimport time\nimport shutil\nimport logging\nimport argparse\nimport pathlib\nimport subprocess\nfrom typing import Any, Dict, List, Optional\nfrom urllib.parse import urljoin, urlparse, quote\n\n";
        const string Chores = "FROM debian:12-slim\nRUN apt-get update \\\n    && apt-get upgrade -y \\\n    && apt-get clean \\\n    && rm -rf /var/lib/apt/lists/*\n";

        var clusters = CloneRun.Of(RealFrontendFiles.Files(
            ("ops/a.sh", Prelude + "docker system prune --force --volumes\n"),
            ("ops/b.sh", Prelude + "kubectl delete pods --field-selector=status.phase==Failed -A\n"),
            ("tools/a.py", Imports + "def main():\n    return run(sys.argv[1:])\n"),
            ("tools/b.py", Imports + "def cli(argv):\n    print(parse(argv).target)\n"),
            ("a/Dockerfile", Chores + "COPY app /srv/app\nCMD [\"/srv/app\"]\n"),
            ("b/Dockerfile", Chores + "COPY worker /opt/worker\nENTRYPOINT [\"/opt/worker\"]\n")));

        Assert.Empty(clusters);
    }

    [Fact]
    public void Planted_clones_are_found_through_the_real_frontends()
    {
        var repository = new SyntheticRepositoryGenerator(5).Generate(classesPerKind: 2, noiseFiles: 10);
        var files = repository.Files.AsParallel().AsOrdered().Select(f => RealFrontendFiles.File(f.Path, f.Text)).ToList();

        var scores = CloneAccuracy.Score(repository.Classes, CloneRun.Of(files));

        var report = string.Join("\n", scores);
        foreach (var score in scores)
        {
            Assert.True(score.Precision >= 0.95, report);
            Assert.True(score.Recall >= (score.Kind == CloneKind.Near ? 0.85 : 0.95), report);
        }
    }

    [Fact]
    public void A_block_holding_one_statement_is_not_a_clone_of_that_statement()
    {
        // Python's try body here is one if/elif chain: the body block and the if statement span the same tokens, at
        // two nesting levels. Seen on a real repository as hundreds of classes pairing code with itself.
        const string Code = """
            import tarfile
            import zipfile


            def extract(path, kind, dest, found):
                try:
                    if kind == 'zip':
                        with zipfile.ZipFile(path, 'r') as archive:
                            for entry in archive.infolist():
                                if entry.is_dir():
                                    continue
                                target = dest / entry.filename
                                target.parent.mkdir(parents=True, exist_ok=True)
                                archive.extract(entry, dest)
                                found.append({'path': str(target), 'size': target.stat().st_size})
                    elif kind == 'tar':
                        with tarfile.open(path, 'r:*') as archive:
                            for member in archive.getmembers():
                                if not member.isfile():
                                    continue
                                archive.extract(member, dest)
                                found.append({'path': str(dest / member.name), 'size': member.size})
                    else:
                        found.append({'path': str(path), 'size': 0, 'note': 'unsupported archive'})
                except OSError as error:
                    found.append({'path': str(path), 'size': 0, 'note': str(error)})
                return found

            """;

        Assert.Empty(CloneRun.Of(RealFrontendFiles.Files(("tools/extract.py", Code))));

        // Control: a second file with the same function is one clone class of two distinct members.
        var control = Assert.Single(CloneRun.Of(RealFrontendFiles.Files(("tools/extract.py", Code), ("ops/unpack.py", "import os\n\n\n" + Code))));
        Assert.Equal(2, control.Members.Length);
        Assert.Equal(2, control.Members.Select(m => m.Path).Distinct().Count());
    }
}
