namespace Consolidate.Analyzers.Frontends.Dockerfile;

/// <summary>A line continuation: the escape character at <see cref="EscapeAt"/> ends <see cref="Line"/>.</summary>
internal readonly record struct Continuation(int EscapeAt, PhysicalLine Line);
