namespace Boards.ServiceDays.Features.RecordAttendance;

/// <summary>
/// Records attendance at a service day: takes a tablet's batch, idempotently. The same batch id with the same content
/// counts once and answers as the first time; the same id with different content is refused (409). Only while the day
/// is confirmed or held (the rule is <see cref="AttendanceBatch.Record"/>'s).
/// </summary>
public sealed class RecordAttendanceHandler(ServiceDaysDbContext db, AttendanceBatchValidator validator, PersonHash hasher, TimeProvider clock)
{
    public async Task<AttendanceResult> HandleAsync(Guid dayId, RecordAttendanceCommand command, Caller caller, CancellationToken ct)
    {
        var day = await ServiceDayStore.LoadAsync(db, dayId, tracking: false, ct);
        var institution = ServiceDayAccess.EnsureCanRecord(caller, day.MunicipalityCode, day.Institutions);
        var (batchId, lines) = validator.Validate(command, day, institution);

        // Keyed digest of the hashed content: equal for a replay, and no document number is kept even here.
        var hash = hasher.OfContent(string.Join(";", lines.Select(l => $"{l.ServiceCode}|{l.PersonHash}|{l.AnonymousCount}")));
        if (await db.AttendanceBatches.AsNoTracking().FirstOrDefaultAsync(b => b.ServiceDayId == dayId && b.BatchId == batchId, ct) is { } existing)
        {
            return await ReplayAsync(existing, hash, ct);
        }

        // The day's row is share-locked while the batch is written: a report being submitted waits for it (and counts
        // it), and a batch arriving after the report sees the new status.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var status = await ServiceDayLocks.LockAsync(db, dayId, exclusive: false, ct);
        var (batch, records) = AttendanceBatch.Record(dayId, status, batchId, hash, lines, caller.DisplayName, clock.GetUtcNow());
        db.AttendanceBatches.Add(batch);
        db.AttendanceRecords.AddRange(records);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException exception) when (PostgresErrors.IsUniqueViolation(exception))
        {
            // The same batch arrived twice at once; the other copy won.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var winner = await db.AttendanceBatches.AsNoTracking().FirstAsync(b => b.ServiceDayId == dayId && b.BatchId == batchId, ct);
            return await ReplayAsync(winner, hash, ct);
        }

        var figures = await DayFigures.ComputeAsync(db, dayId, ct);
        return new AttendanceResult(batchId, false, batch.Identified, batch.Anonymous, figures.PeopleServed);
    }

    private async Task<AttendanceResult> ReplayAsync(AttendanceBatch existing, string hash, CancellationToken ct)
    {
        existing.EnsureSameContent(hash);
        var figures = await DayFigures.ComputeAsync(db, existing.ServiceDayId, ct);
        return new AttendanceResult(existing.BatchId, true, existing.Identified, existing.Anonymous, figures.PeopleServed);
    }
}
