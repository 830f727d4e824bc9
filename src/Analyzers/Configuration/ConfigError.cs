namespace Consolidate.Analyzers.Configuration;

/// <summary>A configuration problem: which file, line and key, and what is wrong. Shown as <c>file:line: key: message</c>.</summary>
public sealed record ConfigError(string File, int Line, string Key, string Message)
{
    /// <summary>The key as the user wrote it; an empty or blank key (<c>: value</c>) is named "(empty key)".</summary>
    public string Key { get; init; } = string.IsNullOrWhiteSpace(Key) ? "(empty key)" : Key;

    public override string ToString() => $"{File}:{Line}: {Key}: {Message}";
}
