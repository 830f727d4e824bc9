using System.Collections.Immutable;

namespace Consolidate.Analyzers.Model;

/// <summary>
/// One file after reading and parsing: the report's file entry (<see cref="Status"/>, <see cref="Reason"/>) plus the
/// text and what its frontend produced. <see cref="Parsed"/> is null for skipped files and languages with no frontend.
/// </summary>
public sealed record FileModel(string Path, Language Language, ParseStatus Status, string? Reason, SourceText? Text, ParsedSource? Parsed)
{
    public int Lines => Text?.LineCount ?? 0;

    public ImmutableArray<Token> Tokens => Parsed?.Tokens ?? ImmutableArray<Token>.Empty;

    public T? FactsAs<T>() where T : LanguageFacts => Parsed?.Facts as T;
}
