namespace Consolidate.Analyzers.Frontends;

/// <summary>
/// A frontend whose results depend on more than the tool and the file, such as the Python interpreter that decides
/// Python's verdicts. The parse cache keys that language's entries on <see cref="Identity"/>; null means the results
/// cannot be reused (the interpreter is missing) and the language is not cached.
/// </summary>
public interface IFrontendIdentity
{
    string? Identity(CancellationToken cancellationToken);
}
