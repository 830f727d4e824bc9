namespace Consolidate.Analyzers.Clones;

public enum CloneScope
{
    File,
    Fragment,
}
