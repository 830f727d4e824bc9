namespace Consolidate.Analyzers.Catalog;

/// <summary>Whether <c>fix</c> has a patch family for a rule's findings.</summary>
public enum FixAvailability
{
    None,
    PatchSet,
}
