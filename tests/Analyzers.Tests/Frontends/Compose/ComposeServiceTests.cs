using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Tests.Frontends.Compose;

public sealed class ComposeServiceTests
{
    private const string Text = """
        services:
          web:
            image: "nginx:1.27"
            privileged: true
            pid: host
            network_mode: host
            ipc: shareable
            user: "1000:1000"
            mem_limit: 512m
            mem_reservation: 256m
            cpus: 1.5
            env_file: .env
            extends:
              file: common.yml
              service: base
          db:
            build: ./db
            env_file:
              - ./a.env
              - path: ./b.env
                required: false
            extends: base
            deploy:
              resources:
                limits: {memory: 1g, cpus: '2'}
                reservations:
                  memory: 512M
                  cpus: 0.5
        volumes:
          data: {}
        """;

    [Fact]
    public void Services_are_read_in_order_with_names_and_spans()
    {
        var parsed = ComposeAssert.Parse(Text);
        var services = Assert.IsType<ComposeFacts>(parsed.Facts).Services;

        Assert.Empty(parsed.Issues);
        Assert.Equal(["web", "db"], services.Select(s => s.Name));
        Assert.Equal((2, 3), (services[0].NameSpan.StartLine, services[0].NameSpan.StartColumn));
        Assert.Equal("web", Text.Slice(services[0].NameSpan));
        Assert.Equal((2, 15), (services[0].Span.StartLine, services[0].Span.EndLine));
        Assert.Equal((16, 28), (services[1].Span.StartLine, services[1].Span.EndLine));
    }

    [Fact]
    public void Scalar_keys_carry_value_and_the_span_of_the_value()
    {
        var web = ComposeAssert.Parse(Text).Facts is ComposeFacts facts ? facts.Services[0] : null;

        Assert.NotNull(web);
        Assert.Equal("nginx:1.27", web.Image!.Value);
        Assert.Equal("\"nginx:1.27\"", Text.Slice(web.Image.Span));
        Assert.Equal((3, 12), (web.Image.Span.StartLine, web.Image.Span.StartColumn));
        Assert.Equal(("true", 4), (web.Privileged!.Value, web.Privileged.Span.StartLine));
        Assert.Equal(("host", 5), (web.Pid!.Value, web.Pid.Span.StartLine));
        Assert.Equal(("host", 6), (web.NetworkMode!.Value, web.NetworkMode.Span.StartLine));
        Assert.Equal(("shareable", 7), (web.Ipc!.Value, web.Ipc.Span.StartLine));
        Assert.Equal(("1000:1000", 8), (web.User!.Value, web.User.Span.StartLine));
        Assert.Equal(("512m", 9), (web.Resources.MemoryLimit!.Value, web.Resources.MemoryLimit.Span.StartLine));
        Assert.Equal(("256m", 10), (web.Resources.MemoryReservation!.Value, web.Resources.MemoryReservation.Span.StartLine));
        Assert.Equal(("1.5", 11), (web.Resources.CpuLimit!.Value, web.Resources.CpuLimit.Span.StartLine));
        Assert.Null(web.Resources.CpuReservation);
        Assert.Equal([(".env", 12)], web.EnvFiles.Select(f => (f.Value, f.Span.StartLine)));
        Assert.Equal(("common.yml", 14), (web.ExtendsFile!.Value, web.ExtendsFile.Span.StartLine));
        Assert.Equal(("base", 15), (web.ExtendsService!.Value, web.ExtendsService.Span.StartLine));
        Assert.Null(web.Build);
        Assert.Empty(web.Volumes);
    }

    [Fact]
    public void Deploy_resources_build_string_env_file_list_and_extends_string()
    {
        var db = ComposeAssert.Service(Text, "db");

        Assert.Equal(("./db", 17), (db.Build!.Context!.Value, db.Build.Context.Span.StartLine));
        Assert.Null(db.Build.Dockerfile);
        Assert.Equal([("./a.env", 19), ("./b.env", 20)], db.EnvFiles.Select(f => (f.Value, f.Span.StartLine)));
        Assert.Null(db.ExtendsFile);
        Assert.Equal("base", db.ExtendsService!.Value);
        Assert.Equal(("1g", 25), (db.Resources.MemoryLimit!.Value, db.Resources.MemoryLimit.Span.StartLine));
        Assert.Equal(("2", "'2'"), (db.Resources.CpuLimit!.Value, Text.Slice(db.Resources.CpuLimit.Span)));
        Assert.Equal(("512M", 27), (db.Resources.MemoryReservation!.Value, db.Resources.MemoryReservation.Span.StartLine));
        Assert.Equal(("0.5", 28), (db.Resources.CpuReservation!.Value, db.Resources.CpuReservation.Span.StartLine));
    }

    [Fact]
    public void Deploy_limits_win_over_the_legacy_keys()
    {
        var web = ComposeAssert.Service("services:\n  web:\n    image: x\n    mem_limit: 1g\n    deploy:\n      resources:\n        limits:\n          memory: 2g\n");

        Assert.Equal(("2g", 8), (web.Resources.MemoryLimit!.Value, web.Resources.MemoryLimit.Span.StartLine));
    }

    [Fact]
    public void Build_object_has_context_and_dockerfile()
    {
        const string text = "services:\n  web:\n    build:\n      context: ./app\n      dockerfile: docker/Dockerfile.prod\n      args:\n        X: 1\n";

        var build = ComposeAssert.Service(text).Build!;

        Assert.Equal(("./app", 4), (build.Context!.Value, build.Context.Span.StartLine));
        Assert.Equal(("docker/Dockerfile.prod", 5), (build.Dockerfile!.Value, build.Dockerfile.Span.StartLine));
        Assert.Equal((3, 7), (build.Span.StartLine, build.Span.EndLine));
        Assert.StartsWith("build:", text.Slice(build.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Short_volume_syntax_is_split_into_source_target_and_type()
    {
        const string text = """
            services:
              web:
                image: x
                volumes:
                  - /var/run/docker.sock:/var/run/docker.sock:ro
                  - ./html:/usr/share/nginx/html
                  - data:/var/lib/data
                  - /cache
                  - "C:\\data:C:\\app\\data"
                  - ${LOGS}:/logs
                  - ~/.ssh:/root/.ssh:ro
            """;

        var volumes = ComposeAssert.Service(text).Volumes;

        Assert.Equal(
            [
                ("/var/run/docker.sock", "/var/run/docker.sock", "bind"), ("./html", "/usr/share/nginx/html", "bind"), ("data", "/var/lib/data", "volume"),
                (null, "/cache", "volume"), ("C:\\data", "C:\\app\\data", "bind"), ("${LOGS}", "/logs", null), ("~/.ssh", "/root/.ssh", "bind"),
            ],
            volumes.Select(v => (v.Source, v.Target, v.Type)));
        Assert.Equal([5, 6, 7, 8, 9, 10, 11], volumes.Select(v => v.Span.StartLine));
        Assert.Equal("/var/run/docker.sock:/var/run/docker.sock:ro", text.Slice(volumes[0].Span));
    }

    [Fact]
    public void Long_volume_syntax_reads_type_source_and_target()
    {
        const string text = """
            services:
              web:
                image: x
                volumes:
                  - type: bind
                    source: /var/run/docker.sock
                    target: /var/run/docker.sock
                    read_only: true
                  - {type: volume, source: data, target: /data}
                  - type: tmpfs
                    target: /tmp
            """;

        var volumes = ComposeAssert.Service(text).Volumes;

        Assert.Equal([("/var/run/docker.sock", "/var/run/docker.sock", "bind"), ("data", "/data", "volume"), (null, "/tmp", "tmpfs")], volumes.Select(v => (v.Source, v.Target, v.Type)));
        Assert.Equal([(5, 8), (9, 9), (10, 11)], volumes.Select(v => (v.Span.StartLine, v.Span.EndLine)));
    }

    [Fact]
    public void Null_values_and_collections_where_a_scalar_is_expected_are_absent()
    {
        var web = ComposeAssert.Service("services:\n  web:\n    image:\n    user: ~\n    pid: [host]\n    env_file: []\n");

        Assert.Null(web.Image);
        Assert.Null(web.User);
        Assert.Null(web.Pid);
        Assert.Empty(web.EnvFiles);
    }

    [Fact]
    public void Services_and_nodes_and_symbols_agree()
    {
        var parsed = ComposeAssert.Parse(Text);

        Assert.Equal([(NodeKind.Service, "web"), (NodeKind.Service, "db")], parsed.Root.Children.Select(n => (n.Kind, n.Name)));
        Assert.Equal([(SymbolKind.Service, "web"), (SymbolKind.Service, "db")], parsed.Symbols.Select(s => (s.Kind, s.Name)));
        Assert.Equal(NodeKind.File, parsed.Root.Kind);
    }

    [Fact]
    public void Merge_keys_and_aliases_bring_in_shared_settings()
    {
        const string text = """
            x-limits: &limits
              deploy:
                resources:
                  limits:
                    memory: 256m
            x-image: &image nginx:1.27
            services:
              web:
                <<: *limits
                image: *image
              api:
                <<: [*limits]
                image: api
                deploy:
                  resources:
                    limits:
                      memory: 1g
            """;

        var parsed = ComposeAssert.Parse(text);
        var services = Assert.IsType<ComposeFacts>(parsed.Facts).Services;

        Assert.Empty(parsed.Issues);
        Assert.Equal(("256m", 5), (services[0].Resources.MemoryLimit!.Value, services[0].Resources.MemoryLimit!.Span.StartLine));
        Assert.Equal(("nginx:1.27", "*image"), (services[0].Image!.Value, text.Slice(services[0].Image!.Span)));
        Assert.Equal("1g", services[1].Resources.MemoryLimit!.Value);
    }

    [Fact]
    public void Version_one_files_have_services_at_the_top_level()
    {
        var parsed = ComposeAssert.Parse("web:\n  image: nginx\n  links: [db]\ndb:\n  build: .\nnotes:\n  text: hello\n");

        Assert.Equal(["web", "db"], Assert.IsType<ComposeFacts>(parsed.Facts).Services.Select(s => s.Name));
    }

    [Fact]
    public void Without_services_a_version_key_means_no_services()
    {
        var parsed = ComposeAssert.Parse("version: '2'\nweb:\n  image: nginx\n");

        Assert.Empty(Assert.IsType<ComposeFacts>(parsed.Facts).Services);
        Assert.Empty(parsed.Issues);
    }

    [Fact]
    public void Empty_file_has_no_services_and_no_issues()
    {
        foreach (var text in new[] { "", "# just a comment\n", "---\n" })
        {
            var parsed = ComposeAssert.Parse(text);
            Assert.Empty(parsed.Issues);
            Assert.False(parsed.Failed);
            Assert.Empty(Assert.IsType<ComposeFacts>(parsed.Facts).Services);
        }
    }

    [Fact]
    public void Crlf_files_keep_offsets_and_lines()
    {
        const string text = "services:\r\n  web:\r\n    image: nginx\r\n    pid: host\r\n";

        var web = ComposeAssert.Service(text);

        Assert.Equal(("host", "host", 4), (web.Pid!.Value, text.Slice(web.Pid.Span), web.Pid.Span.StartLine));
    }
}
