using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Rules.Compose;

/// <summary>
/// Compose files of one folder form a project and merge by service name the way Compose merges them: the main file
/// (<c>compose.yaml</c>, <c>docker-compose.yml</c>…) first, then <c>*.override.*</c>, then any other file (an extra
/// <c>-f</c> file such as <c>docker-compose.resources.yml</c>); a later file's value wins key by key.
/// </summary>
internal static class ComposeProjects
{
    public static IEnumerable<IGrouping<string, (FileModel File, ComposeService Service)>> ServicesByProject(RepositoryModel model) =>
        model.OfLanguage(Language.Compose)
            .OrderBy(f => Folder(f.Path), StringComparer.Ordinal)
            .ThenBy(f => MergeRank(f.Path))
            .ThenBy(f => f.Path, StringComparer.Ordinal)
            .SelectMany(f => (f.FactsAs<ComposeFacts>()?.Services ?? []).Select(s => (File: f, Service: s)))
            .GroupBy(x => Folder(x.File.Path), StringComparer.Ordinal);

    /// <summary>The effective resources of each service of a project: per key, the last file (in merge order) that sets it.</summary>
    public static IEnumerable<EffectiveService> Effective(IGrouping<string, (FileModel File, ComposeService Service)> project) =>
        project.GroupBy(x => x.Service.Name, StringComparer.Ordinal).Select(definitions =>
        {
            (FileModel, ComposeScalar)? Last(Func<ComposeResources, ComposeScalar?> key) =>
                definitions.LastOrDefault(d => key(d.Service.Resources) is not null) is { File: not null } d ? (d.File, key(d.Service.Resources)!) : null;
            return new EffectiveService(
                definitions.Key,
                Last(r => r.MemoryLimit),
                Last(r => r.MemoryReservation),
                Last(r => r.CpuLimit),
                Last(r => r.CpuReservation));
        });

    public static string Folder(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : "";

    private static int MergeRank(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..].ToLowerInvariant();
        if (name is "compose.yaml" or "compose.yml" or "docker-compose.yaml" or "docker-compose.yml")
            return 0;
        return name.Contains(".override.", StringComparison.Ordinal) ? 1 : 2;
    }

    public static bool IsTrue(ComposeScalar? scalar) => scalar is not null && scalar.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);

    public static long? Bytes(ComposeScalar? scalar) => scalar is not null && ByteSize.TryParse(scalar.Value, out var bytes) ? bytes : null;

    public static double? Cpus(ComposeScalar? scalar) =>
        scalar is not null && double.TryParse(scalar.Value.Trim().Trim('"', '\''), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var cpus)
            ? cpus
            : null;
}

/// <summary>A service's merged memory and CPU settings, each with the file and scalar that set it.</summary>
internal sealed record EffectiveService(
    string Name,
    (FileModel File, ComposeScalar Value)? MemoryLimit,
    (FileModel File, ComposeScalar Value)? MemoryReservation,
    (FileModel File, ComposeScalar Value)? CpuLimit,
    (FileModel File, ComposeScalar Value)? CpuReservation);
