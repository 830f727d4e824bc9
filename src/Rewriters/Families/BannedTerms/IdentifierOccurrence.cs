using Consolidate.Analyzers.Model;

namespace Consolidate.Rewriters.Families.BannedTerms;

/// <summary>One identifier token of the repository, with the file it is in.</summary>
internal sealed record IdentifierOccurrence(FileModel File, Token Token)
{
    public string Where => $"{File.Path}:{Token.Span.StartLine}";
}
