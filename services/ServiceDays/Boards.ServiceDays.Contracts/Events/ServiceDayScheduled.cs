namespace Boards.ServiceDays.Contracts.Events;

/// <summary>
/// A service day (jornada de servicios) as it stands after a change of its schedule or status: published when it is
/// planned, edited, confirmed, cancelled, held and reported (a corrected report too). Version grows with every change,
/// so events may arrive in any order: a consumer keeps the highest Version per ServiceDayId. No personal data.
/// </summary>
public sealed record ServiceDayScheduled
{
    public required Guid ServiceDayId { get; init; }
    public required string MunicipalityCode { get; init; }
    /// <summary>Barrio, compañía or community where the day takes place.</summary>
    public required string Locality { get; init; }
    /// <summary>The day's date (a day has no start or end time).</summary>
    public required DateOnly Date { get; init; }
    /// <summary>"planned", "confirmed", "held", "reported" or "cancelled", as the REST API shows it.</summary>
    public required string Status { get; init; }
    /// <summary>The day's version after the change (1 when planned).</summary>
    public required long Version { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}
