namespace Consolidate.Rewriters.Apply;

/// <summary>A dangling reference as recorded in a checkpoint (source file, target as written, kind).</summary>
public sealed record RecordedReference(string Source, string Target, string Kind);
