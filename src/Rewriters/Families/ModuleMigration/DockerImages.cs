using Consolidate.Analyzers.References;

namespace Consolidate.Rewriters.Families.ModuleMigration;

/// <summary>
/// What each Dockerfile copies into its image (resolved COPY/ADD references): an importer repointed at the canonical
/// module must still find it inside every image that held the importer and the duplicate.
/// </summary>
internal sealed class DockerImages
{
    private readonly ILookup<string, Reference> copies;

    public DockerImages(ReferenceGraph graph)
    {
        copies = graph.References
            .Where(r => r.Kind == ReferenceKind.DockerfileCopy && r.Resolved)
            .ToLookup(r => r.Source, StringComparer.Ordinal);
    }

    /// <summary>Why the rewrite would break an image, or null: an image copies the importer and the duplicate but not the canonical.</summary>
    public string? Problem(string importer, string duplicate, string canonical)
    {
        foreach (var image in copies.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var importerCopy = image.FirstOrDefault(r => Covers(r.Target, importer));
            if (importerCopy is null || !image.Any(r => Covers(r.Target, duplicate)) || image.Any(r => Covers(r.Target, canonical)))
                continue;
            return $"the image built from {image.Key} copies {importer} (line {importerCopy.Line}) and {duplicate} but not {canonical}, so the rewritten import would fail inside that image; copy the canonical module into it first";
        }

        return null;
    }

    private static bool Covers(string target, string path) =>
        target is "" or "." || path == target || path.StartsWith(target + "/", StringComparison.Ordinal);
}
