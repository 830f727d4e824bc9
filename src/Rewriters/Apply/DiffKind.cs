namespace Consolidate.Rewriters.Apply;

/// <summary>What one file section of a patch does.</summary>
public enum DiffKind
{
    Edit,
    Create,
    Delete,
}
