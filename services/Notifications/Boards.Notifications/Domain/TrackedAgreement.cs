namespace Boards.Notifications.Domain;

/// <summary>
/// A session agreement (acuerdo) with its due date and status, to remind the board and the responsible institution
/// before it falls due. Membership's events carry no version: the latest OccurredAt wins.
/// </summary>
public sealed class TrackedAgreement
{
    private TrackedAgreement()
    {
    }

    public Guid AgreementId { get; private set; }
    public string MunicipalityCode { get; private set; } = "";
    public Guid SessionId { get; private set; }
    public string ResponsibleInstitution { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public string Status { get; private set; } = "";
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>The due date it was reminded of; a new due date is reminded again.</summary>
    public DateOnly? RemindedFor { get; private set; }

    public bool IsOpen => Status is "pending" or "in_progress";

    public static TrackedAgreement Track(Guid agreementId) => new() { AgreementId = agreementId };

    public void Recorded(string municipality, Guid sessionId, string institution, DateOnly dueOn, string status, DateTimeOffset at)
    {
        MunicipalityCode = municipality;
        SessionId = sessionId;
        ResponsibleInstitution = institution;
        DueOn = dueOn;
        if (at >= ChangedAt)
        {
            Status = status;
            ChangedAt = at;
        }
    }

    public void StatusChanged(string status, DateTimeOffset at)
    {
        if (at >= ChangedAt)
        {
            Status = status;
            ChangedAt = at;
        }
    }

    /// <summary>Due within <paramref name="within"/> days of <paramref name="today"/> (or already past) and not yet reminded.</summary>
    public bool TakeReminder(DateOnly today, int within)
    {
        if (!IsOpen || DueOn > today.AddDays(within) || RemindedFor == DueOn || MunicipalityCode.Length == 0)
        {
            return false;
        }

        RemindedFor = DueOn;
        return true;
    }
}
