namespace Boards.BuildingBlocks.Municipalities;

/// <summary>
/// A row of a service's local replica of Membership's municipality registry (table <c>municipalities</c>). Each
/// service derives its own sealed <c>Municipality</c> from this, maps it with
/// <see cref="MunicipalityReplicaConfiguration{TMunicipality}"/>, fills it at boot from the shipped CSV
/// (<see cref="MunicipalityReplica.SeedMunicipalitiesAsync{TDbContext, TMunicipality}"/>) and keeps it in step with
/// MunicipalityRegistered (<see cref="MunicipalityReplicaConsumer{TMessage, TDbContext}"/>).
/// </summary>
public abstract class ReplicatedMunicipality
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Department { get; init; } = "";
    public int DepartmentNumber { get; init; }
    public string Status { get; init; } = "";

    /// <summary>OccurredAt of the announcement this row reflects; null while it holds only the boot snapshot.</summary>
    public DateTimeOffset? RegisteredAt { get; init; }
}
