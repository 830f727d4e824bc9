using Consolidate.Analyzers.Configuration;

namespace Consolidate.Analyzers.Tests.Configuration;

public sealed class ConfigParserTests
{
    [Fact]
    public void Reads_every_section()
    {
        var (config, errors) = ConfigParser.Parse(
            "terms:\n  - term: conceptual\n    replacement: theoretical\nmodules:\n  - canonical: agents/core/base_agent.py\n    duplicates: [backend/base_agent.py]\n" +
            "host:\n  memory: 16g\n  cpus: 8\nexclude:\n  - \"archive/**\"\ncanonical: [shared]\ninstallRoots: [/opt/app]\nlimits:\n  maxFileSize: 1m\n",
            "consolidate.yml");

        Assert.Empty(errors);
        Assert.NotNull(config);
        Assert.Equal(new TermRule("conceptual", "theoretical", 2), config.Terms.Single());
        Assert.Equal("agents/core/base_agent.py", config.Modules.Single().Canonical);
        Assert.Equal(["backend/base_agent.py"], config.Modules.Single().Duplicates.ToArray());
        Assert.Equal(16L * 1024 * 1024 * 1024, config.Host!.MemoryBytes);
        Assert.Equal(8, config.Host.Cpus);
        Assert.Equal(["archive/**"], config.Exclude.ToArray());
        Assert.Equal(1024 * 1024, config.MaxFileBytes);
    }

    [Theory]
    [InlineData("colour: red\n", "consolidate.yml:1: colour: unknown key; expected one of terms, modules, host, exclude, canonical, installRoots, pins, rules, limits")]
    [InlineData("pins:\n  python:latest: 3.12\n", "consolidate.yml:2: pins.python:latest: 'python:latest' already has a tag; write the image without it and the tag as the value (python: latest)")]
    [InlineData("pins:\n  python: latest\n", "consolidate.yml:2: pins.python: 'latest' pins nothing")]
    [InlineData("pins:\n  python: 3.12 slim\n", "consolidate.yml:2: pins.python: '3.12 slim' is not a tag like 3.12.7-slim")]
    [InlineData("pins:\n  python: 3.12@sha256:abc\n", "consolidate.yml:2: pins.python: '3.12@sha256:abc' is not a tag")]
    [InlineData("pins:\n  ${BASE}: 3.12\n", "consolidate.yml:2: pins.${BASE}: '${BASE}' is not an image name")]
    [InlineData("pins: [python]\n", "consolidate.yml:1: pins: expected a mapping of image to tag")]
    [InlineData("terms:\n  - term: a\n    replacement: b\n  - term: A\n    replacement: c\n", "consolidate.yml:4: terms[1].term: 'A' is listed twice (first on line 2)")]
    [InlineData("terms:\n  - term: same\n    replacement: Same\n", "consolidate.yml:2: terms[0].replacement: 'same' is replaced by itself")]
    [InlineData("modules:\n  - canonical: ../elsewhere/base.py\n", "consolidate.yml:2: modules[0].canonical: '../elsewhere/base.py' is outside the repository: paths are relative to the repository root")]
    [InlineData("host:\n  memory: lots\n", "consolidate.yml:2: host.memory: 'lots' is not a size like 16g or 512m")]
    [InlineData("exclude: [a\n", "consolidate.yml:2: (yaml): While parsing a flow sequence")]
    [InlineData("terms: 1\n", "consolidate.yml:1: terms: expected a list")]
    [InlineData("host: {memory: 1g}\nhost: {memory: 2g}\n", "consolidate.yml:2: (yaml): Duplicate key")]
    public void Bad_config_names_file_line_and_key(string yaml, string expected)
    {
        var (config, errors) = ConfigParser.Parse(yaml, "consolidate.yml");

        Assert.Null(config);
        Assert.StartsWith(expected, errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pins_map_image_names_to_tags()
    {
        var digest = "sha256:" + new string('a', 64);
        var (config, errors) = ConfigParser.Parse(
            $"pins:\n  python: 3.12.7-slim\n  registry.example.com:5000/team/app: \"1.4\"\n  node: 22-bookworm-slim@{digest}\n  ruby: 3.10\n", "consolidate.yml");

        Assert.Empty(errors);
        Assert.Equal("3.12.7-slim", config!.Pins["python"]);
        Assert.Equal("1.4", config.Pins["registry.example.com:5000/team/app"]);
        Assert.Equal("22-bookworm-slim@" + digest, config.Pins["node"]);
        Assert.Equal("3.10", config.Pins["ruby"]);
        Assert.False(config.Pins.ContainsKey("Python"));
    }

    [Fact]
    public void A_replacement_that_is_itself_banned_is_refused()
    {
        var (_, errors) = ConfigParser.Parse("terms:\n  - {term: a, replacement: b}\n  - {term: b, replacement: c}\n", "c.yml");

        Assert.Contains(errors, e => e.Message == "the replacement 'b' of 'a' is itself a banned term");
    }

    [Theory]
    [InlineData("512m", 512L * 1024 * 1024)]
    [InlineData("1g", 1024L * 1024 * 1024)]
    [InlineData("23.28GiB", 24996709662L)]
    [InlineData("1024k", 1024L * 1024)]
    [InlineData("100", 100)]
    public void Byte_sizes(string text, long expected)
    {
        Assert.True(ByteSize.TryParse(text, out var bytes));
        Assert.Equal(expected, bytes);
    }
}
