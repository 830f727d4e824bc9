using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Model;

namespace Consolidate.Analyzers.Rules.Compose;

/// <summary>
/// Compose files of one folder form a project: <c>docker-compose.yml</c> plus its override files merge by service
/// name, so a limit set in an override counts for the service. Services are listed with every file that defines them.
/// </summary>
internal static class ComposeProjects
{
    public static IEnumerable<IGrouping<string, (FileModel File, ComposeService Service)>> ServicesByProject(RepositoryModel model) =>
        model.OfLanguage(Language.Compose)
            .SelectMany(f => (f.FactsAs<ComposeFacts>()?.Services ?? []).Select(s => (File: f, Service: s)))
            .GroupBy(x => Folder(x.File.Path), StringComparer.Ordinal);

    public static string Folder(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : "";

    public static bool IsTrue(ComposeScalar? scalar) => scalar is not null && scalar.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);

    public static long? Bytes(ComposeScalar? scalar) => scalar is not null && ByteSize.TryParse(scalar.Value, out var bytes) ? bytes : null;

    public static double? Cpus(ComposeScalar? scalar) =>
        scalar is not null && double.TryParse(scalar.Value.Trim().Trim('"', '\''), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var cpus)
            ? cpus
            : null;
}
