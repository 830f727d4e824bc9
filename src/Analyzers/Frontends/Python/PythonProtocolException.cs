namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// A worker broke the protocol (a line that is not a message, a wrong version or id, a malformed field). Caught at the
/// pool, which replaces the worker and reports the file failed; it never leaves the frontend.
/// </summary>
internal sealed class PythonProtocolException : Exception
{
    public PythonProtocolException(string message)
        : base(message)
    {
    }

    public PythonProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
