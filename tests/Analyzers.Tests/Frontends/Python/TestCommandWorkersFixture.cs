using Consolidate.Analyzers.Frontends.Python;

namespace Consolidate.Analyzers.Tests.Frontends.Python;

/// <summary>A one-worker pool with test commands and a 2 s budget (only the hang test waits for it).</summary>
public sealed class TestCommandWorkersFixture : IDisposable
{
    public TestCommandWorkersFixture()
    {
        Pool = new PythonWorkerPool("python3", 1, TimeSpan.FromSeconds(2), ["--test-commands"]);
        Frontend = new PythonFrontend(Pool);
    }

    public PythonWorkerPool Pool { get; }

    public PythonFrontend Frontend { get; }

    public void Dispose() => Pool.Dispose();
}
