namespace Boards.ServiceDays.Domain;

/// <summary>
/// One batch a tablet sent, identified by its own BatchId within the day. ContentHash (keyed) tells a replay of the same
/// content from a reuse of the id for something else; the counts are the answer given the first time.
/// </summary>
public sealed class AttendanceBatch
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ServiceDayId { get; init; }
    public required string BatchId { get; init; }
    public required string ContentHash { get; init; }
    public int Identified { get; init; }
    public int Anonymous { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
}

/// <summary>One attention: a person identified only by the keyed hash of their document, or an anonymous count.</summary>
public sealed class AttendanceRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ServiceDayId { get; init; }
    public Guid BatchRowId { get; init; }
    public required string InstitutionCode { get; init; }
    public required string ServiceCode { get; init; }
    public string? PersonHash { get; init; }
    public int AnonymousCount { get; init; }
}
