namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>How one request went: a reply, or a failure for the file; <see cref="WorkerUsable"/> says if the worker may be reused.</summary>
internal sealed record PythonExchange(PythonParseReply? Reply, string? Failure, bool WorkerUsable)
{
    public static PythonExchange Parsed(PythonParseReply reply) => new(reply, null, true);

    /// <summary>The worker answered in step but could not serve the request: the file fails, the worker stays.</summary>
    public static PythonExchange Rejected(string failure) => new(null, failure, true);

    /// <summary>The worker timed out, died or broke the protocol: the file fails, the worker is replaced.</summary>
    public static PythonExchange Broken(string failure) => new(null, failure, false);
}
