namespace Consolidate.Analyzers.Package;

/// <summary>
/// The diagnostic properties through which the analyzer hands a code fix what to write. The analyzer sees the whole
/// repository model and plans the edit (with the rewriters' own planners); the code fix, in its own assembly, only
/// applies it to the additional document. Compiled into both assemblies, so the names cannot drift apart.
/// </summary>
internal static class FixProperties
{
    /// <summary>CONS401 in a comment: the replacement of the diagnostic's span (same case form as the term found).</summary>
    public const string Replacement = "consolidate.replacement";

    /// <summary>A planned edit: the code action's title.</summary>
    public const string Title = "consolidate.fix.title";

    /// <summary>A planned edit: where it starts, in UTF-16 code units of the document's text.</summary>
    public const string Start = "consolidate.fix.start";

    /// <summary>A planned edit: how many code units it replaces (0 inserts).</summary>
    public const string Length = "consolidate.fix.length";

    /// <summary>A planned edit: the text written there.</summary>
    public const string Text = "consolidate.fix.text";

    /// <summary>A planned edit: the length of the text it was planned on; another length means the document changed since.</summary>
    public const string DocumentLength = "consolidate.fix.documentLength";
}
