using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Scanning;

/// <summary>
/// One file of the walk: repo-relative path, classification, status and (unless skipped) the document to parse.
/// <see cref="Status"/> here is the reading status; frontends may lower Ok to Recovered or Failed.
/// </summary>
public sealed record ScannedFile(string Path, Language Language, ParseStatus Status, string? Reason, long Size, SourceDocument? Document)
{
    public int Lines => Document?.Text.LineCount ?? 0;
}
