namespace Consolidate.Rewriters.Families.ComposeResources;

/// <summary>
/// One service's resources as the merged project sees them and as planned. Memory in whole MiB, CPUs in hundredths.
/// The Legacy flags say the setting is written with the old service-level keys (<c>mem_limit</c>, <c>mem_reservation</c>,
/// <c>cpus</c>): Compose refuses a project where the old and the <c>deploy.resources</c> form of one setting differ, so
/// the override keeps the form the service already uses.
/// </summary>
internal sealed record ServiceBudget(string Name, long? MemoryMiB, long? MemoryReservationMiB, long? CentiCpus, long? CentiCpuReservation)
{
    public bool LegacyMemory { get; init; }

    public bool LegacyMemoryReservation { get; init; }

    public bool LegacyCpus { get; init; }

    public string? MemoryWritten { get; init; }

    public string? CpusWritten { get; init; }

    public long PlannedMemoryMiB { get; set; }

    public long? PlannedCentiCpus { get; set; }
}
