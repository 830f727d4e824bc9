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

    /// <summary>The file at <paramref name="path"/> (the first, should two share it), found through an index built on first use.</summary>
    public FileModel? File(string path)
    {
        var index = byPath;
        if (index is null || index.Files != Files)
            byPath = index = new PathIndex(Files);
        return index.Find(path);
    }

    private PathIndex? byPath;

    /// <summary>Files by path for one files array; a model made <c>with</c> other files builds its own.</summary>
    private sealed class PathIndex
    {
        private readonly Dictionary<string, FileModel> files = new(StringComparer.Ordinal);

        public PathIndex(ImmutableArray<FileModel> files)
        {
            Files = files;
            foreach (var file in files)
                this.files.TryAdd(file.Path, file);
        }

        public ImmutableArray<FileModel> Files { get; }

        public FileModel? Find(string path) => files.GetValueOrDefault(path);
    }
}
