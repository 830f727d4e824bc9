using System.Collections.Immutable;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.References;

namespace Consolidate.Analyzers.Model;

/// <summary>Everything rules may look at: the files, the clone classes, the reference graph and the configuration. Rules never see the disk.</summary>
public sealed record RepositoryModel(ImmutableArray<FileModel> Files, ImmutableArray<CloneCluster> Clusters, ConsolidateConfig Config)
{
    public ReferenceGraph References { get; init; } = ReferenceGraph.Empty;

    public IEnumerable<FileModel> OfLanguage(Language language) => Files.Where(f => f.Language == language);

    public FileModel? File(string path) => Files.FirstOrDefault(f => f.Path == path);
}
