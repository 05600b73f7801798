namespace Boards.Notifications.Domain;

/// <summary>
/// What Notifications knows of a referral to follow its deadlines: who sent it where, its latest version, and the two
/// deadline chains. Events may arrive out of order: one older than <see cref="Version"/> changes nothing.
/// </summary>
public sealed class TrackedReferral
{
    private TrackedReferral()
    {
    }

    public Guid ReferralId { get; private set; }
    public long Version { get; private set; }
    public string Status { get; private set; } = "";
    public string OriginMunicipality { get; private set; } = "";
    public string OriginInstitution { get; private set; } = "";
    public string DestinationMunicipality { get; private set; } = "";
    public string DestinationInstitution { get; private set; } = "";
    public string ServiceCode { get; private set; } = "";
    public string Priority { get; private set; } = "";
    public DeadlineTrack Accept { get; private set; } = new();
    public DeadlineTrack CounterReferral { get; private set; } = new();

    public static TrackedReferral Start(ReferralFacts facts) => new()
    {
        ReferralId = facts.ReferralId,
        OriginMunicipality = facts.OriginMunicipality,
        OriginInstitution = facts.OriginInstitution,
        DestinationMunicipality = facts.DestinationMunicipality,
        DestinationInstitution = facts.DestinationInstitution,
        ServiceCode = facts.ServiceCode,
        Priority = facts.Priority,
    };

    /// <summary>Takes a newer version's status; false (and nothing changes) for news older than what is held.</summary>
    public bool Advance(long version, string status)
    {
        if (version <= Version)
        {
            return false;
        }

        Version = version;
        Status = status;
        return true;
    }

    public DeadlineTrack Track(string deadline) => deadline == ReferralDeadline.CounterReferral ? CounterReferral : Accept;

    /// <summary>Nothing is due any more: rejected, counter-referred, cancelled.</summary>
    public void CloseAll()
    {
        Accept.Close();
        CounterReferral.Close();
    }
}

/// <summary>The two deadlines of a referral, as ReferralOverdue names them.</summary>
public static class ReferralDeadline
{
    public const string Accept = "accept";
    public const string CounterReferral = "counter_referral";
}

public sealed record ReferralFacts(
    Guid ReferralId,
    string OriginMunicipality,
    string OriginInstitution,
    string DestinationMunicipality,
    string DestinationInstitution,
    string ServiceCode,
    string Priority);
