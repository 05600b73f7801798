namespace Boards.ServiceDays.Domain;

/// <summary>
/// One batch a tablet sent, identified by its own BatchId within the day. ContentHash (keyed) tells a replay of the same
/// content from a reuse of the id for something else; the counts are the answer given the first time.
/// </summary>
public sealed class AttendanceBatch
{
    private AttendanceBatch()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public Guid ServiceDayId { get; private init; }
    public string BatchId { get; private init; } = "";
    public string ContentHash { get; private init; } = "";
    public int Identified { get; private init; }
    public int Anonymous { get; private init; }
    public DateTimeOffset RecordedAt { get; private init; }
    public string RecordedBy { get; private init; } = "";

    /// <summary>
    /// A new batch and its attentions. Attendance is taken while the day is confirmed or held; <paramref name="dayStatus"/>
    /// is the status read under the lock on the day's row (Features/Common/ServiceDayLocks), so no batch slips past the
    /// closing report.
    /// </summary>
    public static (AttendanceBatch Batch, IReadOnlyList<AttendanceRecord> Records) Record(
        Guid serviceDayId, ServiceDayStatus dayStatus, string batchId, string contentHash, IReadOnlyList<AttendanceLine> lines,
        string recordedBy, DateTimeOffset now)
    {
        if (!ServiceDayLifecycle.TakesAttendance(dayStatus))
        {
            throw new PreconditionFailedException(PreconditionFailedException.State, dayStatus.Code(),
                $"La asistencia se registra mientras la jornada está confirmada o realizada; esta está {dayStatus.Spanish()}.");
        }

        var batch = new AttendanceBatch
        {
            ServiceDayId = serviceDayId,
            BatchId = batchId,
            ContentHash = contentHash,
            Identified = lines.Count(l => l.PersonHash is not null),
            Anonymous = lines.Sum(l => l.AnonymousCount),
            RecordedAt = now,
            RecordedBy = recordedBy,
        };
        return (batch, lines.Select(line => AttendanceRecord.Of(batch, line)).ToList());
    }

    /// <summary>A batch sent again under the same id must carry the same content: then it is a replay, not new records.</summary>
    public void EnsureSameContent(string contentHash)
    {
        if (ContentHash != contentHash)
        {
            throw new AlreadyExistsException(
                $"El lote '{BatchId}' ya se registró con otro contenido: use un identificador de lote nuevo para otros registros.") { Title = "Identificador reutilizado." };
        }
    }
}

/// <summary>One checked line of a batch: a service of the day and either a person's hash or an anonymous count.</summary>
public sealed record AttendanceLine(string ServiceCode, string InstitutionCode, string? PersonHash, int AnonymousCount);

/// <summary>One attention: a person identified only by the keyed hash of their document, or an anonymous count.</summary>
public sealed class AttendanceRecord
{
    private AttendanceRecord()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public Guid ServiceDayId { get; private init; }
    public Guid BatchRowId { get; private init; }
    public string InstitutionCode { get; private init; } = "";
    public string ServiceCode { get; private init; } = "";
    public string? PersonHash { get; private init; }
    public int AnonymousCount { get; private init; }

    internal static AttendanceRecord Of(AttendanceBatch batch, AttendanceLine line) => new()
    {
        ServiceDayId = batch.ServiceDayId,
        BatchRowId = batch.Id,
        InstitutionCode = line.InstitutionCode,
        ServiceCode = line.ServiceCode,
        PersonHash = line.PersonHash,
        AnonymousCount = line.AnonymousCount,
    };
}
