using System.Globalization;
using Consolidate.Analyzers.Catalog;
using Consolidate.Analyzers.Configuration;

namespace Consolidate.Analyzers.Rules.Compose;

/// <summary>
/// On each service's merged settings (main file, overrides, extra files, as Compose merges them): a reservation above
/// its limit; against the host budget (consolidate.yml <c>host</c>) a single limit above the host, and the project's
/// sum of limits above it (reported once, at the largest). Each finding points at the file and value that set it.
/// </summary>
public sealed class CONS502ComposeOverAllocation : IRule
{
    public RuleDescriptor Descriptor => RuleCatalog.ComposeOverAllocation;

    public void Analyze(RuleContext context)
    {
        var host = context.Config.Host;
        foreach (var project in ComposeProjects.ServicesByProject(context.Model))
        {
            var services = ComposeProjects.Effective(project).ToList();
            foreach (var service in services)
            {
                var memLimit = ComposeProjects.Bytes(service.MemoryLimit?.Value);
                var memReservation = ComposeProjects.Bytes(service.MemoryReservation?.Value);
                if (memLimit is not null && memReservation is not null && memReservation > memLimit)
                {
                    var (file, value) = service.MemoryReservation!.Value;
                    context.Report(file, value.Span,
                        $"service '{service.Name}' reserves {value.Value} of memory but is limited to {service.MemoryLimit!.Value.Value.Value}: the reservation can never be used; lower the reservation to at most the limit");
                }

                var cpuLimit = ComposeProjects.Cpus(service.CpuLimit?.Value);
                var cpuReservation = ComposeProjects.Cpus(service.CpuReservation?.Value);
                if (cpuLimit is not null && cpuReservation is not null && cpuReservation > cpuLimit)
                {
                    var (file, value) = service.CpuReservation!.Value;
                    context.Report(file, value.Span,
                        $"service '{service.Name}' reserves {value.Value} CPUs but is limited to {service.CpuLimit!.Value.Value.Value}; lower the reservation to at most the limit");
                }

                if (host?.MemoryBytes is { } hostMemory && memLimit > hostMemory)
                {
                    var (file, value) = service.MemoryLimit!.Value;
                    context.Report(file, value.Span,
                        $"service '{service.Name}' is allowed {value.Value} of memory, more than the whole host ({ByteSize.Format(hostMemory)}, consolidate.yml host.memory); size the limit to what the service really uses");
                }

                if (host?.Cpus is { } hostCpus && cpuLimit > hostCpus)
                {
                    var (file, value) = service.CpuLimit!.Value;
                    context.Report(file, value.Span,
                        $"service '{service.Name}' is allowed {value.Value} CPUs, more than the host has ({hostCpus.ToString(CultureInfo.InvariantCulture)}, consolidate.yml host.cpus)");
                }
            }

            if (host is null)
                continue;
            var label = project.Key.Length == 0 ? "." : project.Key;

            var memories = services.Where(s => ComposeProjects.Bytes(s.MemoryLimit?.Value) is not null).ToList();
            var totalMemory = memories.Sum(s => ComposeProjects.Bytes(s.MemoryLimit!.Value.Value)!.Value);
            if (host.MemoryBytes is { } budget && totalMemory > budget && memories.Count > 1)
            {
                var largest = memories.MaxBy(s => ComposeProjects.Bytes(s.MemoryLimit!.Value.Value)!.Value)!;
                var (file, value) = largest.MemoryLimit!.Value;
                context.Report(file, value.Span,
                    $"the memory limits of the {memories.Count} services in '{label}' add up to {ByteSize.Format(totalMemory)}, {((double)totalMemory / budget).ToString("0.0", CultureInfo.InvariantCulture)}x the host's {ByteSize.Format(budget)} (consolidate.yml host.memory); the largest is '{largest.Name}' ({value.Value}); bring the sum within the budget ('consolidate-analyze fix --only compose-resources' proposes limits)");
            }

            var cpus = services.Where(s => ComposeProjects.Cpus(s.CpuLimit?.Value) is not null).ToList();
            var totalCpus = cpus.Sum(s => ComposeProjects.Cpus(s.CpuLimit!.Value.Value)!.Value);
            if (host.Cpus is { } cpuBudget && totalCpus > cpuBudget + 1e-9 && cpus.Count > 1)
            {
                var largest = cpus.MaxBy(s => ComposeProjects.Cpus(s.CpuLimit!.Value.Value)!.Value)!;
                var (file, value) = largest.CpuLimit!.Value;
                context.Report(file, value.Span,
                    $"the CPU limits of the {cpus.Count} services in '{label}' add up to {totalCpus.ToString("0.##", CultureInfo.InvariantCulture)}, above the host's {cpuBudget.ToString(CultureInfo.InvariantCulture)} (consolidate.yml host.cpus); the largest is '{largest.Name}'");
            }
        }
    }
}
