namespace Consolidate.Rewriters.Families.DuplicateFiles;

/// <summary>
/// What to do with one duplicate copy: the edits that repoint every reference at the canonical copy, or the problems
/// (path, line, reason) that keep it. A copy is deleted only when there is no problem.
/// </summary>
internal sealed class CopyPlan(string duplicate, string canonical)
{
    public string Duplicate => duplicate;

    public string Canonical => canonical;

    public List<(string Path, TextEdit Edit)> Edits { get; } = [];

    public List<(string Path, int Line, string Reason)> Problems { get; } = [];

    public int References { get; set; }

    public void Problem(string path, int line, string reason) => Problems.Add((path, line, reason));
}
