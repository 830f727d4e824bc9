using Consolidate.Analyzers.Frontends.Python;

namespace Consolidate.Analyzers.Tests.Frontends.Python;

/// <summary>
/// One pool of real <c>python3</c> workers shared by the Python frontend tests (starting interpreters is the slow
/// part). Two workers, so concurrent calls are exercised; the default 10 s budget.
/// </summary>
public sealed class PythonWorkersFixture : IDisposable
{
    public PythonWorkersFixture()
    {
        Pool = new PythonWorkerPool("python3", size: 2);
        Frontend = new PythonFrontend(Pool);
    }

    public PythonWorkerPool Pool { get; }

    public PythonFrontend Frontend { get; }

    public void Dispose() => Pool.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PythonWorkersCollection : ICollectionFixture<PythonWorkersFixture>
{
    public const string Name = "python workers";
}
