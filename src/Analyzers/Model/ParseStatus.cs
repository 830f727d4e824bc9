namespace Consolidate.Analyzers.Model;

/// <summary>Report `files[].parse`: ok, recovered (parsed with errors or after a fallback), failed, skipped.</summary>
public enum ParseStatus
{
    Ok,
    Recovered,
    Failed,
    Skipped,
}
