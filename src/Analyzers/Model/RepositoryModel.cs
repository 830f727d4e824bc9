using System.Collections.Immutable;
using Consolidate.Analyzers.Clones;
using Consolidate.Analyzers.Configuration;

namespace Consolidate.Analyzers.Model;

/// <summary>Everything rules may look at: the files, the clone classes and the configuration. Rules never see the disk.</summary>
public sealed record RepositoryModel(ImmutableArray<FileModel> Files, ImmutableArray<CloneCluster> Clusters, ConsolidateConfig Config)
{
    public IEnumerable<FileModel> OfLanguage(Language language) => Files.Where(f => f.Language == language);

    public FileModel? File(string path) => Files.FirstOrDefault(f => f.Path == path);
}
