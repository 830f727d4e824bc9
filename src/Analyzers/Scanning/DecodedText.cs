namespace Consolidate.Analyzers.Scanning;

/// <summary>The decoded text of a file and, when the bytes were not plain UTF-8, why and how it was read.</summary>
public readonly record struct DecodedText(string Text, string? Note, bool Recovered);
