using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Tests.Clones.Accuracy;

namespace Consolidate.Analyzers.Tests.Clones;

/// <summary>Classes, not pairs: transitive grouping, the kind and similarity of a class, canonical choice, ids, determinism.</summary>
public sealed partial class CloneClassTests
{
    private static readonly string[] Statements =
    [
        "config = load_config(path, profile=profile)",
        "client = boto3.client(\"s3\", region_name=config.region)",
        "bucket = config.buckets[\"artifacts\"]",
        "prefix = f\"{config.project}/{release.version}\"",
        "manifest = build_manifest(release, include_debug=False)",
        "checksum = hashlib.sha256(manifest.encode()).hexdigest()",
        "if client.head_bucket(Bucket=bucket) is None:",
        "    raise RuntimeError(f\"missing bucket {bucket}\")",
        "for artifact in release.artifacts:",
        "    key = f\"{prefix}/{artifact.name}\"",
        "    client.upload_file(artifact.path, bucket, key, ExtraArgs={\"ACL\": \"private\"})",
        "    log.info(\"uploaded %s to %s\", artifact.name, key)",
        "client.put_object(Bucket=bucket, Key=f\"{prefix}/MANIFEST\", Body=manifest)",
        "client.put_object(Bucket=bucket, Key=f\"{prefix}/SHA256\", Body=checksum)",
        "notify = config.hooks.get(\"release\", [])",
        "for hook in notify:",
        "    requests.post(hook, json={\"version\": release.version, \"sha\": checksum}, timeout=10)",
        "metrics.increment(\"releases.published\", tags={\"project\": config.project})",
        "history = read_history(bucket, client)",
        "history.append({\"version\": release.version, \"at\": time.time()})",
        "write_history(bucket, client, history[-50:])",
        "cache.invalidate(f\"releases:{config.project}\")",
        "return ReleaseReceipt(version=release.version, checksum=checksum, keys=len(release.artifacts))",
    ];

    /// <summary>A function made of <see cref="Statements"/> without the ones at <paramref name="deleted"/>.</summary>
    private static string Function(params int[] deleted) =>
        "def publish(release, path, profile):\n" + string.Concat(Statements.Where((_, i) => !deleted.Contains(i)).Select(s => "    " + s + "\n"));

    [Fact]
    public void Copies_of_copies_form_one_class_even_when_the_ends_are_not_similar()
    {
        // b lost four statements of a, c four more of b: a and c are too far apart to be near clones themselves.
        var a = Function();
        var b = Function(1, 2, 3, 4);
        var c = Function(1, 2, 3, 4, 12, 13, 17, 18, 19);

        var cluster = Assert.Single(CloneRun.Of(("a.py", a), ("b.py", b), ("c.py", c)));

        Assert.Equal((CloneScope.File, CloneKind.Near), (cluster.Scope, cluster.Kind));
        Assert.Equal(["a.py", "b.py", "c.py"], cluster.Members.Select(m => m.Path));
        Assert.True(cluster.Similarity < 0.8, $"a and c are {cluster.Similarity:P0} similar: the test needs them below the threshold");
        Assert.DoesNotContain(CloneRun.Of(("a.py", a), ("c.py", c)), other => other.Scope == CloneScope.File);
    }

    [Fact]
    public void A_class_is_as_weak_as_its_weakest_relation()
    {
        var exact = CloneRun.Of(("a.py", CloneSamples.PythonDeploy), ("b.py", "# copy\n" + CloneSamples.PythonDeploy));
        var renamed = CloneRun.Of(("a.py", CloneSamples.PythonDeploy), ("b.py", "# copy\n" + CloneSamples.PythonDeploy), ("c.py", CloneSamples.PythonDeployRenamed));
        var near = CloneRun.Of(("a.py", CloneSamples.PythonDeploy), ("b.py", CloneSamples.PythonDeployRenamed), ("c.py", CloneSamples.PythonDeployNear));

        Assert.Equal((CloneKind.Exact, 1.0, 2), (Assert.Single(exact).Kind, exact[0].Similarity, exact[0].Members.Length));
        Assert.Equal((CloneKind.Renamed, 1.0, 3), (Assert.Single(renamed).Kind, renamed[0].Similarity, renamed[0].Members.Length));
        Assert.Equal((CloneKind.Near, 3), (Assert.Single(near).Kind, near[0].Members.Length));
        Assert.InRange(near[0].Similarity, 0.8, 0.99);
    }

    [Fact]
    public void A_configured_canonical_folder_wins()
    {
        var files = TestTokenBuilder.Files(("agents/a/deploy.py", CloneSamples.PythonDeploy), ("shared/lib/deploy/deploy.py", CloneSamples.PythonDeploy));

        var cluster = Assert.Single(CloneRun.Of(files, new CloneOptions { CanonicalFolders = ["shared/lib"] }, _ => 7));

        Assert.Equal("shared/lib/deploy/deploy.py", cluster.CanonicalMember.Path);
        Assert.Contains("canonical folder 'shared/lib'", cluster.CanonicalReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_canonical_folder_the_most_referenced_copy_wins()
    {
        var files = TestTokenBuilder.Files(("a.py", CloneSamples.PythonDeploy), ("agents/core/deploy.py", CloneSamples.PythonDeploy), ("b.py", CloneSamples.PythonDeploy));

        var cluster = Assert.Single(CloneRun.Of(files, referenceCount: path => path == "agents/core/deploy.py" ? 3 : 1));

        Assert.Equal("agents/core/deploy.py", cluster.CanonicalMember.Path);
        Assert.Equal("the most referenced copy (3 references)", cluster.CanonicalReason);
    }

    [Fact]
    public void Otherwise_the_shortest_path_wins()
    {
        var cluster = Assert.Single(CloneRun.Of(("agents/x/deploy.py", CloneSamples.PythonDeploy), ("deploy.py", CloneSamples.PythonDeploy), ("agents/deploy.py", CloneSamples.PythonDeploy)));

        Assert.Equal("deploy.py", cluster.CanonicalMember.Path);
        Assert.StartsWith("the shortest path", cluster.CanonicalReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_derive_from_content_so_they_survive_reruns_and_input_order()
    {
        var repository = new SyntheticRepositoryGenerator(7).Generate(classesPerKind: 2, noiseFiles: 5);
        var files = repository.Files.Select(f => TestTokenBuilder.File(f.Path, f.Text)).ToList();

        var first = CloneRun.Of(files);
        var again = CloneRun.Of(files);
        var reversed = CloneRun.Of(files.AsEnumerable().Reverse().ToList());

        Assert.NotEmpty(first);
        Assert.Equal(Serialize(first), Serialize(again));
        Assert.Equal(Serialize(first), Serialize(reversed));
        Assert.All(first, c => Assert.Matches(c.Scope == CloneScope.File ? FileId() : FragmentId(), c.Id));
        Assert.Equal(first.Length, first.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void An_id_changes_only_when_the_copies_change()
    {
        var before = Assert.Single(CloneRun.Of(("a/deploy.py", CloneSamples.PythonDeploy), ("b/deploy.py", CloneSamples.PythonDeploy)));
        var moved = Assert.Single(CloneRun.Of(("x/deploy.py", CloneSamples.PythonDeploy), ("y/z/deploy.py", "\n\n" + CloneSamples.PythonDeploy)));
        var edited = Assert.Single(CloneRun.Of(("a/deploy.py", CloneSamples.PythonDeployRenamed), ("b/deploy.py", CloneSamples.PythonDeployRenamed)));

        Assert.Equal(before.Id, moved.Id);
        Assert.NotEqual(before.Id, edited.Id);

        // The hashing is part of the contract: an engine change that renames every class shows up here.
        Assert.Equal("file-2b5f561c7977", before.Id);
    }

    [Fact]
    public void Output_is_sorted_and_deterministic_under_parallel_runs()
    {
        var repository = new SyntheticRepositoryGenerator(11).Generate(classesPerKind: 2, noiseFiles: 10);
        var files = repository.Files.Select(f => TestTokenBuilder.File(f.Path, f.Text)).ToList();

        var runs = Enumerable.Range(0, 4).AsParallel().Select(_ => Serialize(CloneRun.Of(files))).ToList();

        Assert.Single(runs.Distinct());
        var clusters = CloneRun.Of(files);
        var keys = clusters.Select(c => (c.Scope, c.Members[0].Path, c.Members[0].StartLine)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Scope).ThenBy(k => k.Path, StringComparer.Ordinal).ThenBy(k => k.StartLine), keys);
        Assert.All(clusters, c => Assert.Equal(c.Members.OrderBy(m => m.Path, StringComparer.Ordinal).ThenBy(m => m.StartLine), c.Members));
    }

    private static string Serialize(ImmutableArray<CloneCluster> clusters) => string.Join("\n", clusters.Select(c =>
        $"{c.Id} {c.Language} {c.Scope} {c.Kind} {c.Similarity:R} {c.Canonical} {c.CanonicalReason} | " +
        string.Join(", ", c.Members.Select(m => $"{m.Path}:{m.StartLine}-{m.EndLine}:{m.Symbol}"))));

    [GeneratedRegex("^file-[0-9a-f]{12}$")]
    private static partial Regex FileId();

    [GeneratedRegex("^frag-[0-9a-f]{12}(-[0-9]+)?$")]
    private static partial Regex FragmentId();
}
