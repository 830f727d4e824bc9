namespace Consolidate.Rewriters;

/// <summary>
/// How sure a fix is, after ruff: Safe keeps meaning exactly; Unsafe is likely intended but may change behaviour (a term
/// in a string literal); DisplayOnly is shown in SUMMARY.md, never written to a patch. Ordered so that larger is safer.
/// </summary>
public enum FixSafety
{
    DisplayOnly,
    Unsafe,
    Safe,
}
