using System.Text;
using Consolidate.Analyzers.Model;
using Consolidate.Analyzers.Scanning;

namespace Consolidate.Analyzers.Tests.Scanning;

public sealed class ClassificationTests
{
    [Theory]
    [InlineData("tool.py", Language.Python)]
    [InlineData("run.sh", Language.Shell)]
    [InlineData("run.bash", Language.Shell)]
    [InlineData("Dockerfile", Language.Dockerfile)]
    [InlineData("Dockerfile.gpu", Language.Dockerfile)]
    [InlineData("api.Dockerfile", Language.Dockerfile)]
    [InlineData("api.dockerfile", Language.Dockerfile)]
    [InlineData("Containerfile", Language.Dockerfile)]
    [InlineData("docker-compose.yml", Language.Compose)]
    [InlineData("docker-compose.override.yaml", Language.Compose)]
    [InlineData("docker-compose.prod.yml", Language.Compose)]
    [InlineData("compose.yaml", Language.Compose)]
    [InlineData("compose.override.yml", Language.Compose)]
    [InlineData("Program.cs", Language.CSharp)]
    [InlineData("values.yml", Language.Other)]
    [InlineData("README.md", Language.Other)]
    [InlineData("docker-compose.md", Language.Other)]
    public void By_name(string name, Language expected) => Assert.Equal(expected, FileClassifier.ByName(name));

    [Theory]
    [InlineData("#!/bin/bash\necho", Language.Shell)]
    [InlineData("#!/bin/sh -e\n", Language.Shell)]
    [InlineData("#!/usr/bin/env bash\n", Language.Shell)]
    [InlineData("#!/usr/bin/env -S bash -eu\n", Language.Shell)]
    [InlineData("#!/usr/bin/python3\n", Language.Python)]
    [InlineData("#!/usr/bin/env python3.11\n", Language.Python)]
    [InlineData("#!/usr/bin/env node\n", Language.Other)]
    [InlineData("echo no shebang\n", Language.Other)]
    [InlineData("", Language.Other)]
    public void By_shebang(string head, Language expected) => Assert.Equal(expected, FileClassifier.ByShebang(Encoding.UTF8.GetBytes(head)));

    [Fact]
    public void Extensionless_files_are_classified_by_shebang_but_names_win()
    {
        using var tree = new Consolidate.Tests.Support.TempTree();
        tree.Write("bin/orbitctl", "#!/usr/bin/env bash\necho hi\n")
            .Write("bin/notes", "plain text\n")
            .Write("tool.py", "#!/bin/bash\necho this is still python by name\n");

        var files = new RepositoryScanner(new ScanOptions()).Scan(tree.Root, CancellationToken.None).ToDictionary(f => f.Path);

        Assert.Equal(Language.Shell, files["bin/orbitctl"].Language);
        Assert.Equal(Language.Other, files["bin/notes"].Language);
        Assert.Equal(Language.Python, files["tool.py"].Language);
    }
}
