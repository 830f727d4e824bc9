namespace Consolidate.Rewriters.Validation;

/// <summary>One check run on the scratch copy (manifest <c>patches[].checks[]</c>).</summary>
public sealed record Check(string Name, bool Passed, string Detail);
