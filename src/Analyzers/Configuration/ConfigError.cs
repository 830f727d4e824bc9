namespace Consolidate.Analyzers.Configuration;

/// <summary>A configuration problem: which file, line and key, and what is wrong. Shown as <c>file:line: key: message</c>.</summary>
public sealed record ConfigError(string File, int Line, string Key, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Key}: {Message}";
}
