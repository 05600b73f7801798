using Boards.BuildingBlocks.Api.Limits;

namespace Boards.ServiceDays.Features.RecordAttendance;

/// <summary>A tablet's attendance batch: POST /api/service-days/{id}/attendance-batches and gRPC RecordAttendance.</summary>
public sealed record RecordAttendanceCommand
{
    /// <summary>Chosen by the tablet; the same batch is resent with the same id.</summary>
    [MaxText(ServiceDaysLimits.BatchId)]
    public string? BatchId { get; init; }
    [MaxItems(ServiceDaysLimits.AttendanceEntries)]
    public IReadOnlyList<AttendanceEntryInput?>? Entries { get; init; }
}

/// <summary>Either a document number (hashed on arrival, never stored) or an anonymous count, for one service of the day.</summary>
public sealed record AttendanceEntryInput
{
    [MaxText(ServiceDaysLimits.Code)]
    public string? ServiceCode { get; init; }
    [MaxText(ServiceDaysLimits.DocumentNumber)]
    public string? DocumentNumber { get; init; }
    public int? AnonymousCount { get; init; }
}

public sealed record AttendanceResult(string BatchId, bool Replayed, int Identified, int Anonymous, int PeopleServed);
