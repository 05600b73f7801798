using Boards.Membership.Contracts.Events;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// Keeps the municipality registry from Membership's announcements (the registry of record): the newest registration
/// of a code wins, whatever order they arrive in. Status is kept as the cohort the national table filters by.
/// </summary>
public sealed class MunicipalityRegisteredProjection : IReadModelProjection<MunicipalityRegistered>
{
    public async Task<string?> ApplyAsync(MonitoringDbContext db, MunicipalityRegistered message, CancellationToken cancellationToken)
    {
        var registration = new MunicipalityRegistration(
            MunicipalityCodes.Normalize(message.Code),
            message.Name.Trim(),
            message.Department.Trim(),
            message.DepartmentNumber,
            message.OccurredAt.ToUniversalTime(),
            Cohort: message.Status.Trim().ToLowerInvariant());
        if (registration.Code.Length == 0)
        {
            throw new InvalidOperationException("MunicipalityRegistered arrived without a code.");
        }

        var (municipality, inserted) = await db.LockOrInsertAsync(
            () => db.LockMunicipalityAsync(registration.Code, cancellationToken),
            () => Municipality.Register(registration),
            $"Municipality {registration.Code}",
            cancellationToken);
        return inserted || municipality.Update(registration) ? registration.Code : null;
    }
}
