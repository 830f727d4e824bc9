namespace Consolidate.Analyzers.Model;

/// <summary>A piece of a shell word; for <see cref="ShellWordPartKind.Variable"/>, Text is the variable name.</summary>
public sealed record ShellWordPart(ShellWordPartKind Kind, string Text);
