namespace Boards.Monitoring.Domain;

/// <summary>
/// One focal point term of a municipality's board, as Membership announces it: FocalPointAppointed says which term is
/// current (the one appointed at the highest board version), FocalPointAccessChanged whether its account was granted
/// the municipality's focal-point scope. Either may arrive first; each part keeps its own newest value.
/// </summary>
public sealed class FocalPointTerm
{
    private FocalPointTerm()
    {
        Code = "";
    }

    public Guid TermId { get; private set; }
    public string Code { get; private set; }
    public Guid MemberId { get; private set; }

    /// <summary>The board's version after the appointment; null until FocalPointAppointed arrives.</summary>
    public long? BoardVersion { get; private set; }

    public DateOnly? StartsOn { get; private set; }

    /// <summary>pending, granted, no_account, failed, revoked or superseded; null until FocalPointAccessChanged arrives.</summary>
    public string? Access { get; private set; }

    public DateTimeOffset? AccessUpdatedAt { get; private set; }

    public static FocalPointTerm From(FocalPointAppointment appointment)
    {
        var term = new FocalPointTerm { TermId = appointment.TermId };
        term.Apply(appointment);
        return term;
    }

    public static FocalPointTerm From(FocalPointAccessReading reading)
    {
        var term = new FocalPointTerm { TermId = reading.TermId };
        term.Apply(reading);
        return term;
    }

    /// <summary>Records the appointment; false when one at the same or a higher board version is held.</summary>
    public bool Apply(FocalPointAppointment appointment)
    {
        if (BoardVersion is { } held && appointment.BoardVersion <= held)
        {
            return false;
        }

        Code = appointment.Code;
        MemberId = appointment.MemberId;
        BoardVersion = appointment.BoardVersion;
        StartsOn = appointment.StartsOn;
        return true;
    }

    /// <summary>Records the access; false when a newer one is held or nothing changes (a re-published event).</summary>
    public bool Apply(FocalPointAccessReading reading)
    {
        if (AccessUpdatedAt is { } held && (reading.UpdatedAt < held || (reading.UpdatedAt == held && reading.Access == Access)))
        {
            return false;
        }

        Code = reading.Code;
        MemberId = reading.MemberId;
        Access = reading.Access;
        AccessUpdatedAt = reading.UpdatedAt;
        return true;
    }
}

public sealed record FocalPointAppointment(Guid TermId, string Code, Guid MemberId, long BoardVersion, DateOnly StartsOn);

public sealed record FocalPointAccessReading(Guid TermId, string Code, Guid MemberId, string Access, DateTimeOffset UpdatedAt);

/// <summary>The access states Membership records on a term (docs/membership.md, "Identity link").</summary>
public static class FocalPointAccessCodes
{
    public const string Granted = "granted";

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "pending", Granted, "no_account", "failed", "revoked", "superseded",
    };
}
