namespace Consolidate.Analyzers.Model;

/// <summary>
/// One C# string literal: its value (escapes resolved), the span of the literal as written, and whether it is data
/// rather than a path the code uses: <see cref="Compared"/> is true for an attribute argument (a test case), an operand
/// of <c>==</c>/<c>!=</c>, a <c>case</c> or pattern constant, and an argument of a comparing or text method
/// (<c>Equals</c>, <c>Assert.Equal</c>, <c>StartsWith</c>, <c>EndsWith</c>, <c>Contains</c> ...). Such a literal may
/// still resolve to a file, but never makes a dangling reference.
/// </summary>
public sealed record CSharpStringLiteral(string Value, SourceSpan Span, bool Compared = false);
