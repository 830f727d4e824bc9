namespace Consolidate.Analyzers.Frontends;

/// <summary>Per-run frontend settings: the Python interpreter and per-file budgets.</summary>
public sealed record FrontendOptions
{
    public string PythonExecutable { get; init; } = "python3";

    public int PythonWorkers { get; init; } = Environment.ProcessorCount;

    public TimeSpan ParseTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
