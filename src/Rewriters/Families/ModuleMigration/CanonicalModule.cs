using System.Collections.Immutable;

namespace Consolidate.Rewriters.Families.ModuleMigration;

/// <summary>
/// The module every duplicate folds into: its file, the dotted name importers will use (and why that one), the package
/// and last segment of that name, and the names it defines at top level (what importers may ask of it).
/// </summary>
internal sealed record CanonicalModule(
    string Path,
    string Name,
    string NameReason,
    ImmutableHashSet<string> Names,
    bool HasStarImport)
{
    public string Package => Name.Contains('.') ? Name[..Name.LastIndexOf('.')] : "";

    public string Stem => Name.Contains('.') ? Name[(Name.LastIndexOf('.') + 1)..] : Name;

    /// <summary>Why a name missing from <see cref="Names"/> might still exist, for a refusal's reason.</summary>
    public string MissingHint => HasStarImport
        ? $" ({Path} also has a star import, so check by hand whether it brings the name)"
        : "";
}
