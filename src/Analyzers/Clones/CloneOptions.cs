using System.Collections.Immutable;

namespace Consolidate.Analyzers.Clones;

/// <summary>
/// How <see cref="CloneIndex"/> decides. A member must have at least <see cref="MinLines"/> non-blank lines and
/// <see cref="MinTokens"/> tokens, both counted without comments and boilerplate (exact copies of whole files need only
/// MinLines lines of code, boilerplate included). <see cref="NearThreshold"/> is the lowest similarity of a near clone (the token tiling measure of
/// <see cref="CloneIndex"/>). <see cref="CanonicalFolders"/> are preferred as the copy to keep.
/// </summary>
public sealed record CloneOptions
{
    public static CloneOptions Default { get; } = new();

    public int MinLines { get; init; } = 6;

    public int MinTokens { get; init; } = 50;

    public double NearThreshold { get; init; } = 0.8;

    public ImmutableArray<string> CanonicalFolders { get; init; } = ImmutableArray<string>.Empty;
}
