namespace Consolidate.Analyzers.Model;

/// <summary>
/// Memory and CPU settings of a service from <c>deploy.resources.{limits,reservations}</c> and the legacy
/// <c>mem_limit</c>, <c>mem_reservation</c>, <c>cpus</c> keys, as written (units are parsed by the rules).
/// </summary>
public sealed record ComposeResources(
    ComposeScalar? MemoryLimit,
    ComposeScalar? MemoryReservation,
    ComposeScalar? CpuLimit,
    ComposeScalar? CpuReservation);
