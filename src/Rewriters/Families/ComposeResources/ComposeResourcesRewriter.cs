using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Consolidate.Analyzers.Configuration;
using Consolidate.Analyzers.Model;

namespace Consolidate.Rewriters.Families.ComposeResources;

/// <summary>
/// For each compose project (folder) with CONS501/CONS502 findings, writes a new override file
/// <c>docker-compose.resources.yml</c> next to its compose file giving every service a memory limit (and a CPU limit
/// when <c>host.cpus</c> is set) so that the sum fits the host budget (<see cref="BudgetAllocator"/>), with reservations
/// lowered to at most the limits. A new file changes nothing until it is passed with <c>-f</c>, so the change is Safe.
/// Refused: no host budget, a compose file that did not parse, a limit that is not a size, an existing
/// <c>docker-compose.resources.yml</c> that this tool did not write.
/// </summary>
public sealed class ComposeResourcesRewriter : IRewriter
{
    public const string Name = "compose-resources";
    public const string OverrideFileName = "docker-compose.resources.yml";
    public const string Marker = "# Written by 'consolidate-analyze fix' (compose-resources).";

    private const long MiB = 1024 * 1024;
    private static readonly string[] MainFiles = ["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"];
    private static readonly string[] OverrideFiles = ["compose.override.yaml", "compose.override.yml", "docker-compose.override.yaml", "docker-compose.override.yml"];

    public string Family => Name;

    public ImmutableArray<string> RuleIds { get; } = ["CONS501", "CONS502"];

    public ChangeSet Rewrite(FixContext context, CancellationToken cancellationToken)
    {
        var files = ImmutableArray.CreateBuilder<FileChange>();
        var refusals = new List<Refusal>();
        var findings = context.FindingsOf("CONS501", "CONS502").ToList();
        var host = context.Config.Host;
        var projects = findings.GroupBy(d => Folder(d.Path), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var project in projects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (change, problem) = host?.MemoryBytes is null
                ? (null, "no host budget: set host.memory (and host.cpus) in consolidate.yml so limits can be sized to the machine")
                : Plan(context.Model, project.Key, host);
            if (problem is not null)
            {
                refusals.AddRange(project.Select(d => new Refusal(Name, d.Path, d.Line, problem)));
                continue;
            }

            if (change is not null)
                files.Add(change);
        }

        var sorted = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToImmutableArray();
        return new ChangeSet(
            Name,
            RuleIds,
            sorted,
            ChangeSet.Sorted(refusals),
            "size compose services to the host budget",
            Explain(context.Model, sorted, host)).Validated();
    }

    private static (FileChange? Change, string? Problem) Plan(RepositoryModel model, string folder, HostBudget host)
    {
        var inFolder = model.OfLanguage(Language.Compose).Where(f => Folder(f.Path) == folder).ToList();
        var main = MainFiles.Select(n => inFolder.FirstOrDefault(f => FileName(f.Path) == n)).FirstOrDefault(f => f is not null);
        if (main is null)
            return (null, $"no main compose file ({string.Join(", ", MainFiles)}) in '{Display(folder)}', so there is no project to write an override for");

        var overrideFile = OverrideFiles.Select(n => inFolder.FirstOrDefault(f => FileName(f.Path) == n)).FirstOrDefault(f => f is not null);
        var resources = inFolder.FirstOrDefault(f => FileName(f.Path) == OverrideFileName);
        if (resources is not null && resources.Text?.Text.Contains(Marker, StringComparison.Ordinal) != true)
            return (null, $"{resources.Path} exists and was not written by consolidate-analyze; merge the limits by hand");

        var ordered = new[] { main, overrideFile, resources }.OfType<FileModel>().ToList();
        var failed = ordered.FirstOrDefault(f => f.Status is ParseStatus.Failed or ParseStatus.Skipped || f.FactsAs<ComposeFacts>() is null);
        if (failed is not null)
            return (null, $"{failed.Path} could not be parsed ({failed.Reason ?? failed.Status.ToString().ToLowerInvariant()}), so its services are unknown");

        var services = new List<ServiceBudget>();
        foreach (var name in ordered.SelectMany(f => f.FactsAs<ComposeFacts>()!.Services).Select(s => s.Name).Distinct(StringComparer.Ordinal))
        {
            var (budget, problem) = Merge(name, ordered);
            if (problem is not null)
                return (null, problem);
            services.Add(budget!);
        }

        if (services.Count == 0)
            return (null, $"no services found in {main.Path}");

        var memoryBudget = host.MemoryBytes!.Value / MiB;
        var memories = services.Select(s => s.MemoryMiB).ToList();
        var cpuBudget = host.Cpus is { } cpus ? (long)Math.Floor(cpus * 100) : (long?)null;
        var cpuValues = services.Select(s => s.CentiCpus).ToList();
        var reservationsFit = services.All(s => (s.MemoryReservationMiB is null || s.MemoryMiB is null || s.MemoryReservationMiB <= s.MemoryMiB)
            && (s.CentiCpuReservation is null || s.CentiCpus is null || s.CentiCpuReservation <= s.CentiCpus));
        if (BudgetAllocator.Fits(memories, memoryBudget) && (cpuBudget is null || BudgetAllocator.Fits(cpuValues, cpuBudget.Value)) && reservationsFit)
            return (null, null);

        var (plannedMemory, memoryFactor) = BudgetAllocator.Allocate(memories, memoryBudget);
        var (plannedCpus, cpuFactor) = cpuBudget is null ? ([], 1.0) : BudgetAllocator.Allocate(cpuValues, cpuBudget.Value);
        for (var i = 0; i < services.Count; i++)
        {
            services[i].PlannedMemoryMiB = plannedMemory[i];
            services[i].PlannedCentiCpus = cpuBudget is null ? null : plannedCpus[i];
        }

        var path = folder.Length == 0 ? OverrideFileName : folder + "/" + OverrideFileName;
        var content = Render(main, overrideFile, host, services, memoryBudget, cpuBudget, memoryFactor, cpuFactor);
        if (resources is not null)
        {
            var text = resources.Text!.Text;
            if (text == content)
                return (null, null);
            return (FileChange.Edit(path, [new TextEdit(0, text.Length, content, FixSafety.Safe, 1, "rewrite the generated override with limits that fit the host")]), null);
        }

        return (FileChange.Create(path, content, FixSafety.Safe, $"new override file with limits that fit the host ({ComposeCommand(main, overrideFile)})"), null);
    }

    private static (ServiceBudget? Budget, string? Problem) Merge(string name, List<FileModel> ordered)
    {
        ComposeScalar? memory = null, memoryReservation = null, cpus = null, cpuReservation = null;
        FileModel? memoryFile = null, reservationFile = null, cpusFile = null;
        foreach (var file in ordered)
        {
            foreach (var service in file.FactsAs<ComposeFacts>()!.Services.Where(s => s.Name == name))
            {
                var r = service.Resources;
                if (r.MemoryLimit is not null)
                    (memory, memoryFile) = (r.MemoryLimit, file);
                if (r.MemoryReservation is not null)
                    (memoryReservation, reservationFile) = (r.MemoryReservation, file);
                if (r.CpuLimit is not null)
                    (cpus, cpusFile) = (r.CpuLimit, file);
                if (r.CpuReservation is not null)
                    cpuReservation = r.CpuReservation;
            }
        }

        long? Mib(ComposeScalar? s, out string? bad)
        {
            bad = null;
            if (s is null)
                return null;
            if (ByteSize.TryParse(s.Value.Trim().Trim('"', '\''), out var bytes) && bytes > 0)
                return bytes / MiB;
            bad = $"service '{name}': '{s.Value}' (line {s.Span.StartLine}) is not a memory size this tool can read (a variable?); size it by hand";
            return null;
        }

        long? Centi(ComposeScalar? s, out string? bad)
        {
            bad = null;
            if (s is null)
                return null;
            if (double.TryParse(s.Value.Trim().Trim('"', '\''), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
                return (long)Math.Round(value * 100);
            bad = $"service '{name}': '{s.Value}' (line {s.Span.StartLine}) is not a CPU count this tool can read; size it by hand";
            return null;
        }

        var budget = new ServiceBudget(name, Mib(memory, out var b1), Mib(memoryReservation, out var b2), Centi(cpus, out var b3), Centi(cpuReservation, out var b4))
        {
            LegacyMemory = memory is not null && IsLegacy(memoryFile!, memory),
            LegacyMemoryReservation = memoryReservation is not null && IsLegacy(reservationFile!, memoryReservation),
            LegacyCpus = cpus is not null && IsLegacy(cpusFile!, cpus),
            MemoryWritten = memory?.Value,
            CpusWritten = cpus?.Value,
        };
        return (budget, b1 ?? b2 ?? b3 ?? b4);
    }

    /// <summary>A service-level key (mem_limit, mem_reservation, cpus) rather than one under deploy.resources: the nearest less-indented line is not limits/reservations.</summary>
    private static bool IsLegacy(FileModel file, ComposeScalar scalar)
    {
        var text = file.Text!;
        var line = scalar.Span.StartLine;
        var own = text.LineText(line);
        var key = own.TrimStart();
        if (key.StartsWith("mem_limit", StringComparison.Ordinal) || key.StartsWith("mem_reservation", StringComparison.Ordinal))
            return true;
        var indent = own.Length - key.Length;
        for (var l = line - 1; l >= 1; l--)
        {
            var candidate = text.LineText(l);
            var trimmed = candidate.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
                continue;
            if (candidate.Length - trimmed.Length < indent)
                return !(trimmed.StartsWith("limits", StringComparison.Ordinal) || trimmed.StartsWith("reservations", StringComparison.Ordinal));
        }

        return true;
    }

    private static string Render(FileModel main, FileModel? overrideFile, HostBudget host, List<ServiceBudget> services, long memoryBudget, long? cpuBudget, double memoryFactor, double cpuFactor)
    {
        var b = new StringBuilder();
        b.Append("# ").Append(OverrideFileName).Append(": memory").Append(cpuBudget is null ? "" : " and CPU").Append(" limits that fit the host.\n");
        b.Append(Marker).Append('\n');
        b.Append("# Nothing changes until it is used:\n");
        b.Append("#   ").Append(ComposeCommand(main, overrideFile)).Append(" up -d\n");
        b.Append("# Host budget (consolidate.yml host, line ").Append(host.Line.ToString(CultureInfo.InvariantCulture)).Append("): memory ")
            .Append(memoryBudget.ToString(CultureInfo.InvariantCulture)).Append(" MiB")
            .Append(cpuBudget is null ? "" : ", cpus " + Cpus(cpuBudget.Value)).Append(", shared by ")
            .Append(services.Count.ToString(CultureInfo.InvariantCulture)).Append(" services.\n");
        b.Append("# How: limits at or below an equal share of the host are kept; when the limits leave less than an equal\n");
        b.Append("# share for each service without one, the limits above an equal share are lowered in proportion");
        b.Append(" (memory x").Append(memoryFactor.ToString("0.###", CultureInfo.InvariantCulture));
        if (cpuBudget is not null)
            b.Append(", cpus x").Append(cpuFactor.ToString("0.###", CultureInfo.InvariantCulture));
        b.Append(");\n# services without a limit share what is left equally. Memory is rounded down to whole MiB, CPUs to 0.01;\n");
        b.Append("# reservations above the new limit are lowered to it. Services that used mem_limit/cpus keep those keys\n");
        b.Append("# (Compose refuses a project where mem_limit and deploy.resources.limits.memory differ).\n");
        var width = services.Max(s => s.Name.Length);
        foreach (var s in services)
        {
            b.Append("#   ").Append(s.Name.PadRight(width)).Append("  memory ").Append(s.MemoryWritten ?? "none").Append(" -> ").Append(Mib(s.PlannedMemoryMiB));
            if (s.PlannedCentiCpus is { } c)
                b.Append(", cpus ").Append(s.CpusWritten ?? "none").Append(" -> ").Append(Cpus(c));
            b.Append('\n');
        }

        b.Append("services:\n");
        foreach (var s in services)
        {
            b.Append("  ").Append(s.Name).Append(":\n");
            var memoryReservation = s.MemoryReservationMiB is { } r && r > s.PlannedMemoryMiB ? s.PlannedMemoryMiB : (long?)null;
            var cpuReservation = s.CentiCpuReservation is { } cr && s.PlannedCentiCpus is { } pc && cr > pc ? pc : (long?)null;
            if (s.LegacyMemory)
                b.Append("    mem_limit: ").Append(Mib(s.PlannedMemoryMiB)).Append('\n');
            if (memoryReservation is not null && s.LegacyMemoryReservation)
                b.Append("    mem_reservation: ").Append(Mib(memoryReservation.Value)).Append('\n');
            if (s.PlannedCentiCpus is { } legacyCpus && s.LegacyCpus)
                b.Append("    cpus: ").Append(Cpus(legacyCpus)).Append('\n');

            var limits = new List<string>();
            if (!s.LegacyMemory)
                limits.Add("memory: " + Mib(s.PlannedMemoryMiB));
            if (s.PlannedCentiCpus is { } deployCpus && !s.LegacyCpus)
                limits.Add("cpus: \"" + Cpus(deployCpus) + "\"");
            var reservations = new List<string>();
            if (memoryReservation is not null && !s.LegacyMemoryReservation)
                reservations.Add("memory: " + Mib(memoryReservation.Value));
            if (cpuReservation is not null)
                reservations.Add("cpus: \"" + Cpus(cpuReservation.Value) + "\"");
            if (limits.Count == 0 && reservations.Count == 0)
                continue;
            b.Append("    deploy:\n      resources:\n");
            if (limits.Count > 0)
                b.Append("        limits:\n").AppendJoin("", limits.Select(l => "          " + l + "\n"));
            if (reservations.Count > 0)
                b.Append("        reservations:\n").AppendJoin("", reservations.Select(l => "          " + l + "\n"));
        }

        return b.ToString();
    }

    internal static string ComposeCommand(FileModel main, FileModel? overrideFile) =>
        "docker compose -f " + FileName(main.Path) + (overrideFile is null ? "" : " -f " + FileName(overrideFile.Path)) + " -f " + OverrideFileName;

    private static string Mib(long mib) => mib.ToString(CultureInfo.InvariantCulture) + "m";

    private static string Cpus(long centi) => (centi / 100.0).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Folder(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : "";

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static string Display(string folder) => folder.Length == 0 ? "." : folder;

    private static string Explain(RepositoryModel model, ImmutableArray<FileChange> files, HostBudget? host)
    {
        var b = new StringBuilder();
        b.Append("Adds a compose override file per project giving every service a memory limit");
        b.Append(host?.Cpus is null ? "" : " and a CPU limit");
        b.Append(" so that the sum fits\nthe host budget of consolidate.yml (CONS501 services without a limit, CONS502 over-allocation).\n");
        b.Append("The compose files themselves are not changed: the override takes effect only when it is named, with\n");
        foreach (var file in files)
        {
            var folder = Folder(file.Path);
            var inFolder = model.OfLanguage(Language.Compose).Where(f => Folder(f.Path) == folder).ToList();
            var main = MainFiles.Select(n => inFolder.FirstOrDefault(f => FileName(f.Path) == n)).First(f => f is not null)!;
            var overrideFile = OverrideFiles.Select(n => inFolder.FirstOrDefault(f => FileName(f.Path) == n)).FirstOrDefault(f => f is not null);
            b.Append("  (cd ").Append(Display(folder)).Append(" && ").Append(ComposeCommand(main, overrideFile)).Append(" up -d)\n");
        }

        b.Append("Naming files with -f replaces the default docker-compose.override.yml, so the command lists it when it exists.\n");
        b.Append("How each limit was computed is written at the top of the new file.");
        return b.ToString();
    }
}
