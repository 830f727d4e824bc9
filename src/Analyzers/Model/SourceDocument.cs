namespace Consolidate.Analyzers.Model;

/// <summary>
/// A file as read by the scanner: repo-relative path (forward slashes), its classification, the raw bytes and the
/// decoded text (UTF-8, BOM stripped; Latin-1 when the bytes are not UTF-8, with <see cref="DecodingNote"/> saying so).
/// Frontends parse <see cref="Text"/>; the Python frontend hands CPython the bytes so coding cookies behave as in CPython.
/// </summary>
public sealed record SourceDocument(string Path, Language Language, byte[] Bytes, SourceText Text, string? DecodingNote);
