using System.Globalization;
using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Configuration;

namespace Consolidate.Analyzers.Rules.Compose;

/// <summary>
/// Against the host budget (consolidate.yml <c>host</c>): a single service limit above the host, and the sum of the
/// project's limits above it (reported once, at the largest). Without a budget: only reservations above their limit.
/// A service defined in several files of the project counts once, with its last definition's limit.
/// </summary>
public sealed class CONS502ComposeOverAllocation : IRule
{
    public RuleDescriptor Descriptor => RuleCatalog.ComposeOverAllocation;

    public void Analyze(RuleContext context)
    {
        var host = context.Config.Host;
        foreach (var project in ComposeProjects.ServicesByProject(context.Model))
        {
            foreach (var (file, service) in project)
            {
                var resources = service.Resources;
                var memLimit = ComposeProjects.Bytes(resources.MemoryLimit);
                var memReservation = ComposeProjects.Bytes(resources.MemoryReservation);
                if (memLimit is not null && memReservation is not null && memReservation > memLimit)
                {
                    context.Report(file, resources.MemoryReservation!.Span,
                        $"service '{service.Name}' reserves {resources.MemoryReservation.Value} of memory but is limited to {resources.MemoryLimit!.Value}: the reservation can never be used; lower the reservation to at most the limit");
                }

                var cpuLimit = ComposeProjects.Cpus(resources.CpuLimit);
                var cpuReservation = ComposeProjects.Cpus(resources.CpuReservation);
                if (cpuLimit is not null && cpuReservation is not null && cpuReservation > cpuLimit)
                {
                    context.Report(file, resources.CpuReservation!.Span,
                        $"service '{service.Name}' reserves {resources.CpuReservation.Value} CPUs but is limited to {resources.CpuLimit!.Value}; lower the reservation to at most the limit");
                }

                if (host?.MemoryBytes is { } hostMemory && memLimit > hostMemory)
                {
                    context.Report(file, resources.MemoryLimit!.Span,
                        $"service '{service.Name}' is allowed {resources.MemoryLimit.Value} of memory, more than the whole host ({ByteSize.Format(hostMemory)}, consolidate.yml host.memory); size the limit to what the service really uses");
                }

                if (host?.Cpus is { } hostCpus && cpuLimit > hostCpus)
                {
                    context.Report(file, resources.CpuLimit!.Span,
                        $"service '{service.Name}' is allowed {resources.CpuLimit.Value} CPUs, more than the host has ({hostCpus.ToString(CultureInfo.InvariantCulture)}, consolidate.yml host.cpus)");
                }
            }

            if (host is null)
                continue;

            var effective = project
                .GroupBy(x => x.Service.Name, StringComparer.Ordinal)
                .Select(g => g.LastOrDefault(x => x.Service.Resources.MemoryLimit is not null || x.Service.Resources.CpuLimit is not null))
                .Where(x => x.Service is not null)
                .ToList();
            var memories = effective.Select(x => (x.File, x.Service, Bytes: ComposeProjects.Bytes(x.Service.Resources.MemoryLimit))).Where(x => x.Bytes is not null).ToList();
            var totalMemory = memories.Sum(x => x.Bytes!.Value);
            if (host.MemoryBytes is { } budget && totalMemory > budget && memories.Count > 1)
            {
                var largest = memories.MaxBy(x => x.Bytes!.Value);
                context.Report(largest.File, largest.Service.Resources.MemoryLimit!.Span,
                    $"the memory limits of the {memories.Count} services in '{(project.Key.Length == 0 ? "." : project.Key)}' add up to {ByteSize.Format(totalMemory)}, {((double)totalMemory / budget).ToString("0.0", CultureInfo.InvariantCulture)}x the host's {ByteSize.Format(budget)} (consolidate.yml host.memory); the largest is '{largest.Service.Name}' ({largest.Service.Resources.MemoryLimit.Value}); bring the sum within the budget ('consolidate-analyze fix --only compose-resources' proposes limits)");
            }

            var cpus = effective.Select(x => (x.File, x.Service, Cpus: ComposeProjects.Cpus(x.Service.Resources.CpuLimit))).Where(x => x.Cpus is not null).ToList();
            var totalCpus = cpus.Sum(x => x.Cpus!.Value);
            if (host.Cpus is { } cpuBudget && totalCpus > cpuBudget && cpus.Count > 1)
            {
                var largest = cpus.MaxBy(x => x.Cpus!.Value);
                context.Report(largest.File, largest.Service.Resources.CpuLimit!.Span,
                    $"the CPU limits of the {cpus.Count} services in '{(project.Key.Length == 0 ? "." : project.Key)}' add up to {totalCpus.ToString("0.##", CultureInfo.InvariantCulture)}, above the host's {cpuBudget.ToString(CultureInfo.InvariantCulture)} (consolidate.yml host.cpus); the largest is '{largest.Service.Name}'");
            }
        }
    }
}
