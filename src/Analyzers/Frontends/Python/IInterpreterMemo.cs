namespace Consolidate.Analyzers.Frontends.Python;

/// <summary>
/// Remembers which interpreter a version manager's launcher ran last time, under a key of the inputs of that
/// launcher's choice (<see cref="LauncherInputs"/>), so a later run with the same inputs starts that interpreter
/// directly. The scan's parse cache keeps it (<c>.consolidate/cache/interpreter.txt</c>).
/// </summary>
public interface IInterpreterMemo
{
    /// <summary>The executable remembered for <paramref name="key"/>, or null.</summary>
    string? Recall(string key);

    /// <summary>Remembers that the launcher with inputs <paramref name="key"/> ran <paramref name="executable"/>.</summary>
    void Remember(string key, string executable);
}
