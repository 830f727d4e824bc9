namespace Consolidate.Analyzers.References;

/// <summary>A Dockerfile built with a context folder, and who says so (a compose file, a workflow, a Makefile).</summary>
public sealed record BuildContext(string Dockerfile, string Context, string Source, int Line);
