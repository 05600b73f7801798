using Boards.Membership.Contracts.Events;

namespace Boards.Monitoring.Consumers;

/// <summary>Keeps each focal point term's appointment: the term with the highest board version is the current one.</summary>
public sealed class FocalPointAppointedProjection : IReadModelProjection<FocalPointAppointed>
{
    public async Task<string?> ApplyAsync(MonitoringDbContext db, FocalPointAppointed message, CancellationToken cancellationToken)
    {
        var appointment = FocalPointMapping.ToAppointment(message);
        var (term, inserted) = await db.LockOrInsertAsync(
            () => db.LockFocalPointTermAsync(appointment.TermId, cancellationToken),
            () => FocalPointTerm.From(appointment),
            $"Focal point term {appointment.TermId}",
            cancellationToken);
        return inserted || term.Apply(appointment) ? appointment.Code : null;
    }
}

/// <summary>Keeps each focal point term's newest identity-link outcome (granted, failed, …).</summary>
public sealed class FocalPointAccessChangedProjection : IReadModelProjection<FocalPointAccessChanged>
{
    public async Task<string?> ApplyAsync(MonitoringDbContext db, FocalPointAccessChanged message, CancellationToken cancellationToken)
    {
        var reading = FocalPointMapping.ToReading(message);
        var (term, inserted) = await db.LockOrInsertAsync(
            () => db.LockFocalPointTermAsync(reading.TermId, cancellationToken),
            () => FocalPointTerm.From(reading),
            $"Focal point term {reading.TermId}",
            cancellationToken);
        return inserted || term.Apply(reading) ? reading.Code : null;
    }
}

public static class FocalPointMapping
{
    /// <summary>
    /// Code normalized. An appointment published before terms had ids (TermId empty) gets one made from its board and
    /// version, so it still counts as appointed; no access event can name it.
    /// </summary>
    public static FocalPointAppointment ToAppointment(FocalPointAppointed message) => new(
        message.TermId != Guid.Empty ? message.TermId : LegacyTermId(message.BoardId, message.BoardVersion),
        RequireCode(message.MunicipalityCode, nameof(FocalPointAppointed)),
        message.MemberId,
        message.BoardVersion,
        message.StartsOn);

    /// <summary>An unknown access state or a missing term breaks the contract: the event fails, is retried, then parked.</summary>
    public static FocalPointAccessReading ToReading(FocalPointAccessChanged message)
    {
        var access = message.Access.Trim().ToLowerInvariant();
        if (!FocalPointAccessCodes.Known.Contains(access))
        {
            throw new InvalidOperationException($"FocalPointAccessChanged for term {message.TermId} has an unknown access '{message.Access}'.");
        }

        if (message.TermId == Guid.Empty)
        {
            throw new InvalidOperationException("FocalPointAccessChanged arrived without a term id.");
        }

        return new FocalPointAccessReading(
            message.TermId, RequireCode(message.MunicipalityCode, nameof(FocalPointAccessChanged)), message.MemberId, access,
            message.UpdatedAt.ToUniversalTime());
    }

    public static Guid LegacyTermId(Guid boardId, long boardVersion)
    {
        var bytes = boardId.ToByteArray();
        var version = BitConverter.GetBytes(boardVersion);
        for (var i = 0; i < version.Length; i++)
        {
            bytes[i] ^= version[i];
        }

        return new Guid(bytes);
    }

    private static string RequireCode(string? code, string eventName)
    {
        var normalized = MunicipalityCodes.Normalize(code);
        return normalized.Length > 0 ? normalized : throw new InvalidOperationException($"{eventName} arrived without a municipality code.");
    }
}
