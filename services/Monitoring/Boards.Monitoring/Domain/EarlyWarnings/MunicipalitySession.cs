namespace Boards.Monitoring.Domain.EarlyWarnings;

/// <summary>
/// The date of the latest board session of a municipality, from Membership's SessionHeld (rule 4). Only a later date
/// replaces it, so redeliveries and late events are harmless; a correction never moves it back.
/// </summary>
public sealed class MunicipalitySession
{
    private MunicipalitySession()
    {
        Code = "";
    }

    public string Code { get; private set; }
    public DateOnly LastSessionOn { get; private set; }
    public Guid LastSessionId { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static MunicipalitySession From(string code, Guid sessionId, DateOnly date, DateTimeOffset at) =>
        new() { Code = code, LastSessionOn = date, LastSessionId = sessionId, UpdatedAt = at };

    public bool Apply(Guid sessionId, DateOnly date, DateTimeOffset at)
    {
        if (date <= LastSessionOn)
        {
            return false;
        }

        LastSessionOn = date;
        LastSessionId = sessionId;
        UpdatedAt = at;
        return true;
    }
}
