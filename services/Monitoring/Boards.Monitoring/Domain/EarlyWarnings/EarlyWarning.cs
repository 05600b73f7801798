namespace Boards.Monitoring.Domain.EarlyWarnings;

public static class EarlyWarningStatus
{
    public const string Active = "active";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    public static string? Normalize(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        Active => Active,
        Acknowledged => Acknowledged,
        Resolved => Resolved,
        _ => null,
    };
}

/// <summary>
/// One early warning of one rule for one municipality. At most one is open (not resolved) per (municipality, rule):
/// raised when the rule starts to hold, resolved when it stops; an acknowledgement keeps it open with who, when and why.
/// </summary>
public sealed class EarlyWarning
{
    private EarlyWarning()
    {
        MunicipalityCode = "";
        Rule = "";
        RuleTitle = "";
        Evidence = "";
        Figures = [];
    }

    public Guid Id { get; private set; }
    public string MunicipalityCode { get; private set; }
    public string Rule { get; private set; }
    public string RuleTitle { get; private set; }
    /// <summary>The evidence when raised (Spanish) and its numbers.</summary>
    public string Evidence { get; private set; }
    public Dictionary<string, decimal> Figures { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public string? AcknowledgedBy { get; private set; }
    public string? AcknowledgementNote { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    public string Status => ResolvedAt is not null ? EarlyWarningStatus.Resolved
        : AcknowledgedAt is not null ? EarlyWarningStatus.Acknowledged
        : EarlyWarningStatus.Active;

    public bool IsOpen => ResolvedAt is null;

    public static EarlyWarning Raise(string municipalityCode, Finding finding, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        MunicipalityCode = municipalityCode,
        Rule = finding.Rule,
        RuleTitle = finding.Title,
        Evidence = finding.Evidence,
        Figures = new Dictionary<string, decimal>(finding.Figures),
        RaisedAt = now,
    };

    /// <summary>False when it is no longer open, or already acknowledged.</summary>
    public bool Acknowledge(string by, string note, DateTimeOffset now)
    {
        if (!IsOpen || AcknowledgedAt is not null)
        {
            return false;
        }

        AcknowledgedAt = now;
        AcknowledgedBy = by;
        AcknowledgementNote = note;
        return true;
    }

    public void Resolve(DateTimeOffset now)
    {
        ResolvedAt ??= now;
    }
}
