namespace Consolidate.Analyzers.Frontends.Dockerfile;

internal enum ExecFormResult
{
    /// <summary>Not a JSON array: the arguments are shell form.</summary>
    NotJson,
    /// <summary>A JSON array of strings.</summary>
    Exec,
    /// <summary>A valid JSON array with an element that is not a string (an error in Docker).</summary>
    NotStrings,
}
