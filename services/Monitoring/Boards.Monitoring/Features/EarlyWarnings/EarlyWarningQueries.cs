using Boards.Monitoring.Data;
using Boards.Monitoring.Domain;
using Boards.Monitoring.Domain.EarlyWarnings;
using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Boards.Monitoring.Features.EarlyWarnings;

/// <summary>
/// The warnings a caller may see, newest first. Checks in order: the status filter is valid; scope (from the token: the
/// ministry sees every municipality, a focal point only its own, anyone else nothing).
/// </summary>
public sealed class ListWarningsQuery(MonitoringDbContext db)
{
    public const string StatusField = "status";
    public const string MunicipalityField = "municipality";

    public async Task<QueryResult<IReadOnlyList<EarlyWarning>>> HandleAsync(
        Caller caller, string? municipality, string? status, CancellationToken cancellationToken)
    {
        string? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            wanted = EarlyWarningStatus.Normalize(status);
            if (wanted is null)
            {
                return new QueryResult<IReadOnlyList<EarlyWarning>>.Invalid(StatusField, MonitoringMessages.StatusInvalid);
            }
        }

        var code = MunicipalityCodes.Normalize(municipality);
        var scope = MonitoringScope.For(caller);
        if (!scope.SeesAnything)
        {
            return new QueryResult<IReadOnlyList<EarlyWarning>>.Forbidden(MonitoringMessages.RoleWithoutMonitoring);
        }

        if (scope.Kind == MonitoringScopeKind.OneMunicipality)
        {
            if (code.Length > 0 && !scope.Covers(code))
            {
                return new QueryResult<IReadOnlyList<EarlyWarning>>.Forbidden(MonitoringMessages.OnlyOwnWarnings(scope.Municipality));
            }

            code = scope.Municipality!;
        }

        var query = db.EarlyWarnings.AsNoTracking();
        if (code.Length > 0)
        {
            query = query.Where(w => w.MunicipalityCode == code);
        }

        query = wanted switch
        {
            EarlyWarningStatus.Active => query.Where(w => w.ResolvedAt == null && w.AcknowledgedAt == null),
            EarlyWarningStatus.Acknowledged => query.Where(w => w.ResolvedAt == null && w.AcknowledgedAt != null),
            EarlyWarningStatus.Resolved => query.Where(w => w.ResolvedAt != null),
            _ => query,
        };

        var warnings = await query.OrderByDescending(w => w.RaisedAt).ThenBy(w => w.MunicipalityCode).ThenBy(w => w.Rule)
            .Take(1000).ToListAsync(cancellationToken);
        return new QueryResult<IReadOnlyList<EarlyWarning>>.Found(warnings);
    }
}

/// <summary>
/// A ministry analyst or administrator marks an open warning as seen, with a note. The warning stays listed (status
/// acknowledged) until its rule stops holding. Checks: role, note, existence, state.
/// </summary>
public sealed class AcknowledgeWarningCommand(MonitoringDbContext db, TimeProvider clock)
{
    public const string NoteField = "note";
    public const int NoteMaxLength = MonitoringLimits.Note;

    public async Task<QueryResult<EarlyWarning>> HandleAsync(Caller caller, Guid id, string? note, CancellationToken cancellationToken)
    {
        if (!caller.IsMinistry)
        {
            return new QueryResult<EarlyWarning>.Forbidden(MonitoringMessages.OnlyMinistryAcknowledges);
        }

        var trimmed = note?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return new QueryResult<EarlyWarning>.Invalid(NoteField, MonitoringMessages.NoteRequired);
        }

        if (trimmed.Length > NoteMaxLength)
        {
            return new QueryResult<EarlyWarning>.Invalid(NoteField, MonitoringMessages.NoteTooLong);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var warning = await db.EarlyWarnings
            .FromSqlInterpolated($"SELECT * FROM early_warnings WHERE id = {id} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (warning is null)
        {
            return new QueryResult<EarlyWarning>.NotFound(MonitoringMessages.UnknownWarning(id));
        }

        if (!warning.IsOpen)
        {
            return new QueryResult<EarlyWarning>.Conflict(MonitoringMessages.WarningResolved);
        }

        if (!warning.Acknowledge(caller.DisplayName, trimmed, clock.GetUtcNow()))
        {
            return new QueryResult<EarlyWarning>.Conflict(MonitoringMessages.WarningAlreadyAcknowledged);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new QueryResult<EarlyWarning>.Found(warning);
    }
}
