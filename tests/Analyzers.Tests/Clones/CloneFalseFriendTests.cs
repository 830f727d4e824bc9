using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Clones;

/// <summary>
/// What every project repeats does not make two files clones. Each case has a control that is clustered, so each
/// test fails if the engine stops telling the friends apart.
/// </summary>
public sealed class CloneFalseFriendTests
{
    private const string Prelude = "#!/usr/bin/env bash\nset -euo pipefail\n\necho \"== $(basename \"$0\") ==\"\necho \"started at $(date -u +%FT%TZ)\"\necho \"host: $(hostname)\"\n";

    private const string BackupBody = """
        pg_dump --format=custom --file "/var/backups/db-$(date +%F).dump" "$DATABASE_URL"
        find /var/backups -name 'db-*.dump' -mtime +14 -delete
        aws s3 sync /var/backups "s3://$BACKUP_BUCKET/db/" --storage-class STANDARD_IA
        du -sh /var/backups | tee -a /var/log/backup.log
        gpg --batch --yes --encrypt --recipient ops@example.com /var/backups/latest.dump
        logger --tag backup --priority user.notice "backup of $DATABASE_URL finished"
        """;

    private const string DeployBody = """
        kubectl config use-context "$CLUSTER"
        helm upgrade --install api charts/api --namespace api --values "values/$ENVIRONMENT.yaml" --wait
        kubectl rollout status deployment/api --namespace api --timeout 300s
        curl -fsS "https://$API_HOST/healthz" > /dev/null
        git tag --annotate "deployed-$(date +%s)" --message "deployed to $CLUSTER"
        slack-notify --channel "#releases" --text "api deployed to $CLUSTER ($ENVIRONMENT)"
        """;

    /// <summary>Under 50 tokens by itself; with a prelude of set and shopt lines it would pass the minimum.</summary>
    private const string CleanupBody = """
        find /tmp -maxdepth 1 -name 'build-*' -mmin +120 -exec rm -rf {} +
        docker image prune --force --filter "until=72h"
        docker volume prune --force
        journalctl --vacuum-time=7d --vacuum-size=500M
        apt-get autoclean --quiet --assume-yes
        du -sh /var/lib/docker | tee -a /var/log/cleanup.log
        """;

    [Fact]
    public void Scripts_without_functions_are_compared_by_their_bodies()
    {
        Assert.Empty(CloneRun.Of(("ops/backup.sh", Prelude + BackupBody), ("ops/deploy.sh", Prelude + DeployBody)));

        var control = Assert.Single(CloneRun.Of(("ops/backup.sh", Prelude + BackupBody), ("ops/backup-eu.sh", Prelude + BackupBody.Replace("STANDARD_IA", "GLACIER"))));
        Assert.Equal((CloneScope.File, CloneKind.Renamed), (control.Scope, control.Kind));
    }

    [Fact]
    public void The_shell_prelude_does_not_count_towards_the_minimum_size()
    {
        // Renamed copies (verbatim copies of whole files need only the line minimum).
        var script = "#!/bin/bash\nset -euo pipefail\nset -o errtrace\nshopt -s nullglob\nshopt -s extglob\n" + CleanupBody;
        var copy = script.Replace("build-*", "ci-*").Replace("72h", "24h").Replace("500M", "1G");
        Assert.InRange(CodeTokens(CleanupBody, ".sh"), 38, 49);
        Assert.True(CodeTokens(script, ".sh") >= 50);

        Assert.Empty(CloneRun.Of(("a.sh", script), ("b.sh", copy)));
        Assert.Equal(CloneKind.Renamed, Assert.Single(CloneRun.Of(new CloneOptions { MinTokens = 30 }, ("a.sh", script), ("b.sh", copy))).Kind);
    }

    [Fact]
    public void A_shared_licence_header_does_not_make_files_clones()
    {
        var licence = string.Concat(Enumerable.Range(0, 40).Select(i => $"# Licensed under the Apache License, Version 2.0 (the \"License\"), clause {i}; see LICENSE.\n"));

        Assert.Empty(CloneRun.Of(("a/report.py", licence + CloneSamples.PythonReport), ("b/deploy.py", licence + CloneSamples.PythonDeploy)));
    }

    [Fact]
    public void A_shared_import_block_does_not_make_files_clones()
    {
        var modules = new[] { "os", "sys", "json", "time", "shutil", "logging", "argparse", "pathlib", "subprocess", "datetime", "collections", "functools", "itertools", "typing", "dataclasses" };
        var imports = string.Concat(modules.Select(m => $"import {m}\n")) + "from concurrent.futures import ThreadPoolExecutor, as_completed\nfrom urllib.parse import urljoin, urlparse, quote\n\n";
        var first = "def main():\n    return run(sys.argv[1:], verbose=True)\n";
        var second = "def cli(argv):\n    args = parse(argv)\n    print(args.target)\n";

        Assert.Empty(CloneRun.Of(("tools/a.py", imports + first), ("tools/b.py", imports + second)));

        // The same module names loaded by assignments are code, and the files are then near clones.
        var loads = string.Concat(modules.Select(m => $"{m} = load(\"{m}\")\n"));
        Assert.Single(CloneRun.Of(("tools/a.py", loads + first), ("tools/b.py", loads + second)));
    }

    [Fact]
    public void Base_images_and_package_index_chores_do_not_make_dockerfiles_clones()
    {
        const string Chores = "RUN apt-get update \\\n    && apt-get upgrade -y \\\n    && apt-get autoremove -y --purge \\\n    && apt-get clean \\\n    && apt-get update -qq \\\n    && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*\n";
        var stages = $"FROM --platform=linux/amd64 debian:12-slim AS base\n{Chores}\nFROM base AS tools\n{Chores}\nFROM tools AS final\n{Chores}";
        var first = stages + "COPY app /srv/app\nCMD [\"/srv/app\"]\n";
        var second = stages + "COPY worker /opt/worker\nENTRYPOINT [\"/opt/worker\", \"run\"]\n";

        Assert.Empty(CloneRun.Of(("app/Dockerfile", first), ("worker/Dockerfile", second)));

        // Commands of the same shape that are not chores are code, and the files are then near clones.
        var work = Chores.Replace("update", "download").Replace("upgrade", "source").Replace("autoremove", "check").Replace("clean", "changelog")
            .Replace("/var/lib/apt/lists/* /var/cache/apt/archives/*", "/tmp/wheels/* /tmp/sdists/*");
        Assert.Single(CloneRun.Of(("app/Dockerfile", first.Replace(Chores, work)), ("worker/Dockerfile", second.Replace(Chores, work))));
    }

    [Fact]
    public void Boilerplate_that_many_files_share_is_discounted()
    {
        var files = Enumerable.Range(0, 12).Select(i => ($"jobs/job{i}.py", Job(i))).ToArray();

        Assert.Empty(CloneRun.Of(files));

        // Two such files alone: their shared lines are not common in the repository, so the files are clones.
        Assert.Single(CloneRun.Of(files[0], files[1]));
    }

    [Fact]
    public void Scripts_with_the_same_structure_but_different_commands_are_not_clones()
    {
        var first = Prelude + BackupBody + DeployBody;
        var second = Prelude + """
            mysqldump --single-transaction --routines "$DATABASE" > "/srv/dumps/db.sql"
            rsync -a --delete /srv/dumps "backup@$BACKUP_HOST:/srv/dumps/"
            gsutil -m cp -r /srv/dumps "gs://$BACKUP_BUCKET/db/"
            ls -lah /srv/dumps | mail -s "dump report" ops@example.com
            openssl enc -aes-256-cbc -pbkdf2 -in /srv/dumps/db.sql -out /srv/dumps/db.sql.enc
            systemd-cat -t backup echo "dump of $DATABASE finished"
            oc project "$PROJECT"
            kustomize build "overlays/$ENVIRONMENT" | oc apply -f -
            oc wait --for=condition=available deploy/web -n web --timeout=300s
            wget -q -O /dev/null "https://$WEB_HOST/ready"
            gh release create "web-$(date +%s)" --notes "released to $PROJECT"
            mattermost-post -c releases -m "web released to $PROJECT ($ENVIRONMENT)"
            """;

        Assert.Empty(CloneRun.Of(("ops/a.sh", first), ("ops/b.sh", second)));

        var control = first.Replace("eu-west-1", "ap-south-1").Replace("api", "web").Replace("/var/backups", "/srv/dumps");
        Assert.Equal(CloneKind.Renamed, Assert.Single(CloneRun.Of(("ops/a.sh", first), ("ops/b.sh", control))).Kind);
    }

    [Fact]
    public void Dockerfiles_with_the_same_instructions_but_different_commands_are_not_clones()
    {
        var first = CloneSamples.DockerBuildStage;
        var second = first.Replace("go mod download && go mod verify", "cargo fetch && cargo verify-project")
            .Replace("go build -trimpath -ldflags", "cargo build --release --config")
            .Replace("go test", "cargo test").Replace("strip", "upx").Replace("mkdir -p /out/config && cp", "install -d /out/config && ln");

        Assert.Empty(CloneRun.Of(("go/Dockerfile", first), ("rust/Dockerfile", second)));
        Assert.Single(CloneRun.Of(("go/Dockerfile", first), ("go2/Dockerfile", CloneSamples.DockerBuildStageRenamed)));
    }

    [Fact]
    public void Skipped_and_failed_files_are_never_members()
    {
        var files = new[]
        {
            TestTokenBuilder.File("a.py", CloneSamples.PythonDeploy),
            TestTokenBuilder.File("b.py", CloneSamples.PythonDeploy, ParseStatus.Skipped),
            TestTokenBuilder.File("c.py", CloneSamples.PythonDeploy, ParseStatus.Failed),
        };
        Assert.Empty(CloneRun.Of(files));

        var cluster = Assert.Single(CloneRun.Of([.. files, TestTokenBuilder.File("d.py", CloneSamples.PythonDeploy), TestTokenBuilder.File("e.py", CloneSamples.PythonDeploy, ParseStatus.Recovered)]));
        Assert.Equal(["a.py", "d.py", "e.py"], cluster.Members.Select(m => m.Path));
    }

    private static int CodeTokens(string text, string extension) =>
        TestTokenBuilder.File("x" + extension, text).Tokens.Count(t => t.Kind != TokenKind.Comment);

    /// <summary>
    /// A job script: three blocks every job repeats (each under the size minimum), separated by three short lines of
    /// its own, so each shared block is a short run of common lines.
    /// </summary>
    private static string Job(int number) => $$"""
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s", stream=sys.stderr)
        log = logging.getLogger(__name__)
        started = time.monotonic()
        job_{{number}} = {{number}}
        name_{{number}} = "job {{number}}"
        limit_{{number}} = {{number * 10}}
        settings = Settings.from_environment(prefix="JOBS_", required=("DATABASE_URL", "QUEUE_URL"))
        queue = Queue.connect(settings.queue_url, timeout=30)
        db = Database.connect(settings.database_url, pool_size=4)
        run_{{number}} = {{number + 1}}
        mode_{{number}} = "fast"
        seen_{{number}} = []
        if __name__ == "__main__":
            parser = argparse.ArgumentParser(description="scheduled job")
            parser.add_argument("--dry-run", action="store_true", help="do not write anything")
            sys.exit(main(parser.parse_args()))
        """;
}
