using Boards.BuildingBlocks.Errors;
using Boards.Monitoring.Domain.EarlyWarnings;
using Boards.Monitoring.Features.Common;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Monitoring.Features.ListWarnings;

/// <summary>
/// The warnings a caller may see, newest first. Checks in order: the status filter is valid; scope (from the token: the
/// ministry sees every municipality, a focal point only its own, anyone else nothing).
/// </summary>
public sealed class ListWarningsHandler(MonitoringDbContext db)
{
    public const string StatusField = "status";
    public const string MunicipalityField = "municipality";

    public async Task<IReadOnlyList<EarlyWarning>> HandleAsync(
        Caller caller, string? municipality, string? status, CancellationToken cancellationToken)
    {
        string? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            wanted = EarlyWarningStatus.Normalize(status)
                     ?? throw ValidationFailedException.For(StatusField, MonitoringMessages.StatusInvalid);
        }

        var code = MunicipalityCodes.Normalize(municipality);
        var scope = MonitoringScope.Require(caller);
        if (scope.Kind == MonitoringScopeKind.OneMunicipality)
        {
            if (code.Length > 0 && !scope.Covers(code))
            {
                throw new ForbiddenException(MonitoringMessages.OnlyOwnWarnings(scope.Municipality));
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

        return await query.OrderByDescending(w => w.RaisedAt).ThenBy(w => w.MunicipalityCode).ThenBy(w => w.Rule)
            .Take(1000).ToListAsync(cancellationToken);
    }
}
