using System.Text.RegularExpressions;
using Boards.BuildingBlocks.Errors;
using Boards.ServiceDays.Data;
using Boards.ServiceDays.Domain;
using Boards.ServiceDays.Features.Common;
using Boards.ServiceDays.Features.Days;
using Boards.ServiceDays.Features.Report;
using Boards.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Boards.ServiceDays.Features.Attendance;

/// <summary>
/// Takes a tablet's attendance batch, idempotently: the same batch id with the same content counts once and answers as
/// the first time; the same id with different content is refused (409). Only while the day is confirmed or held.
/// </summary>
public sealed partial class AttendanceRecorder(ServiceDaysDbContext db, PersonHash hasher, TimeProvider clock)
{
    public const int MaxEntries = ServiceDaysLimits.AttendanceEntries;
    public const int MaxAnonymousCount = 10_000;

    [GeneratedRegex("^(?=.*[0-9A-Za-z])[0-9A-Za-z.-]{3,20}$")]
    private static partial Regex DocumentPattern();

    private sealed record ValidEntry(string ServiceCode, string InstitutionCode, string? PersonHash, int AnonymousCount);

    public async Task<AttendanceResult> RecordAsync(Guid dayId, RecordAttendanceCommand command, Caller caller, CancellationToken ct)
    {
        var day = await ServiceDayPlanner.LoadAsync(db, dayId, tracking: false, ct);
        var institution = ServiceDayAccess.EnsureCanRecord(caller, day.MunicipalityCode, day.Institutions);
        var (batchId, entries) = Validate(command, day, institution);

        // Keyed digest of the hashed content: equal for a replay, and no document number is kept even here.
        var hash = hasher.OfContent(string.Join(";", entries.Select(e => $"{e.ServiceCode}|{e.PersonHash}|{e.AnonymousCount}")));
        if (await db.AttendanceBatches.AsNoTracking().FirstOrDefaultAsync(b => b.ServiceDayId == dayId && b.BatchId == batchId, ct) is { } existing)
        {
            return await ReplayAsync(existing, hash, ct);
        }

        // The day's row is share-locked while the batch is written: a report being submitted waits for it (and counts
        // it), and a batch arriving after the report sees the new status.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var status = await ServiceDayLocks.LockAsync(db, dayId, exclusive: false, ct);
        if (!ServiceDayLifecycle.TakesAttendance(status))
        {
            throw new PreconditionFailedException(PreconditionFailedException.State, status.Code(),
                $"La asistencia se registra mientras la jornada está confirmada o realizada; esta está {status.Spanish()}.");
        }

        var batch = new AttendanceBatch
        {
            ServiceDayId = dayId,
            BatchId = batchId,
            ContentHash = hash,
            Identified = entries.Count(e => e.PersonHash is not null),
            Anonymous = entries.Sum(e => e.AnonymousCount),
            RecordedAt = clock.GetUtcNow(),
            RecordedBy = caller.DisplayName,
        };
        db.AttendanceBatches.Add(batch);
        db.AttendanceRecords.AddRange(entries.Select(e => new AttendanceRecord
        {
            ServiceDayId = dayId,
            BatchRowId = batch.Id,
            InstitutionCode = e.InstitutionCode,
            ServiceCode = e.ServiceCode,
            PersonHash = e.PersonHash,
            AnonymousCount = e.AnonymousCount,
        }));
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
        if (existing.ContentHash != hash)
        {
            throw new AlreadyExistsException(
                $"El lote '{existing.BatchId}' ya se registró con otro contenido: use un identificador de lote nuevo para otros registros.") { Title = "Identificador reutilizado." };
        }

        var figures = await DayFigures.ComputeAsync(db, existing.ServiceDayId, ct);
        return new AttendanceResult(existing.BatchId, true, existing.Identified, existing.Anonymous, figures.PeopleServed);
    }

    private (string BatchId, List<ValidEntry> Entries) Validate(RecordAttendanceCommand command, ServiceDay day, string? institution)
    {
        var errors = new FieldErrors();
        var batchId = command.BatchId?.Trim() ?? "";
        if (batchId.Length is 0 or > ServiceDaysLimits.BatchId)
        {
            errors.Add("batchId", $"Indique el identificador del lote que asigna la tableta (hasta {ServiceDaysLimits.BatchId} caracteres).");
        }

        var entries = new List<ValidEntry>();
        if (command.Entries is not { Count: > 0 and <= MaxEntries } inputs)
        {
            errors.Add("entries", $"Un lote tiene entre 1 y {MaxEntries} registros de asistencia.");
            inputs = [];
        }

        var services = day.Services.ToDictionary(s => s.ServiceCode, StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var field = $"entries[{i}]";
            var entry = inputs[i];
            if (entry is null)
            {
                errors.Add(field, "Registro vacío.");
                continue;
            }

            var code = entry.ServiceCode?.Trim().ToLowerInvariant() ?? "";
            services.TryGetValue(code, out var service);
            if (code.Length == 0)
            {
                errors.Add($"{field}.serviceCode", "Indique el servicio de la jornada que se brindó.");
            }
            else if (service is null)
            {
                errors.Add($"{field}.serviceCode", $"El servicio '{code}' no se ofrece en esta jornada.");
            }
            else if (institution is not null && service.InstitutionCode != institution)
            {
                errors.Add($"{field}.serviceCode", $"El servicio '{code}' es de la institución '{service.InstitutionCode}': su cuenta registra solo los de '{institution}'.");
            }

            var document = entry.DocumentNumber?.Trim() ?? "";
            string? personHash = null;
            var anonymous = 0;
            if (document.Length > 0 && entry.AnonymousCount is not (null or 0))
            {
                errors.Add(field, "Un registro es de una persona con documento o un conteo anónimo, no ambos.");
            }
            else if (document.Length > 0)
            {
                if (DocumentPattern().IsMatch(document))
                {
                    personHash = hasher.OfDocument(document);
                }
                else
                {
                    errors.Add($"{field}.documentNumber", "El número de documento debe tener entre 3 y 20 letras, números, puntos o guiones.");
                }
            }
            else if (entry.AnonymousCount is >= 1 and <= MaxAnonymousCount)
            {
                anonymous = entry.AnonymousCount.Value;
            }
            else
            {
                errors.Add($"{field}.anonymousCount", $"Indique el número de documento o un conteo anónimo entre 1 y {MaxAnonymousCount}.");
            }

            if (service is not null)
            {
                entries.Add(new ValidEntry(service.ServiceCode, service.InstitutionCode, personHash, anonymous));
            }
        }

        errors.ThrowIfAny();
        return (batchId, entries);
    }
}
