using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Engine;
using Consolidate.Analyzers.Frontends.Python;
using Consolidate.Analyzers.Frontends;
using Consolidate.Analyzers.Scanning;
using Consolidate.Tests.Support;

namespace Consolidate.Analyzers.Tests.Engine;

/// <summary>A scan starts a Python interpreter only for a repository that has Python files.</summary>
public sealed class PythonStartTests
{
    [Fact]
    public void A_repository_without_python_starts_no_interpreter()
    {
        using var tree = new TempTree()
            .Write("run.sh", "#!/usr/bin/env bash\nset -euo pipefail\necho hi\n")
            .Write("Dockerfile", "FROM debian:12\nUSER app\n");
        using var frontends = FrontendFactory.Create(new FrontendOptions { PythonWorkers = 1 });

        var result = Scan(tree, frontends);

        Assert.Equal(2, result.Model.Files.Length);
        Assert.Equal(0, PythonOf(frontends).WorkersStarted);
    }

    [Fact]
    public void A_repository_with_python_starts_one_interpreter_for_its_files()
    {
        using var tree = new TempTree()
            .Write("run.sh", "#!/usr/bin/env bash\nset -euo pipefail\necho hi\n")
            .Write("app/main.py", "import os\n\n\ndef main():\n    return os.getcwd()\n")
            .Write("app/util.py", "def helper(x):\n    return x + 1\n");
        using var frontends = FrontendFactory.Create(new FrontendOptions { PythonWorkers = 1 });

        var result = Scan(tree, frontends);

        Assert.All(result.Model.Files, f => Assert.Equal(Model.ParseStatus.Ok, f.Status));
        Assert.Equal(1, PythonOf(frontends).WorkersStarted);
    }

    private static PythonFrontend PythonOf(FrontendSet frontends) => Assert.IsType<PythonFrontend>(frontends.For(Model.Language.Python));

    private static AnalysisResult Scan(TempTree tree, FrontendSet frontends) =>
        new RepositoryAnalyzer(ConsolidateConfig.Default, frontends, new ScanOptions()).Analyze(tree.Root, null, CancellationToken.None);
}
