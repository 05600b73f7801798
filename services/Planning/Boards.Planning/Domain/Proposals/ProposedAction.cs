namespace Boards.Planning.Domain.Proposals;

public enum ProposalStatus
{
    Proposed,
    Accepted,
    Dismissed,
}

/// <summary>A board agreement as Membership's AgreementRecorded announces it.</summary>
public sealed record RecordedAgreement(
    Guid AgreementId, string MunicipalityCode, Guid SessionId, string What, string ResponsibleInstitution, DateOnly DueOn, string Status,
    DateTimeOffset OccurredAt);

/// <summary>
/// A board agreement (Membership's AgreementRecorded) waiting to become a plan action: a focal point accepts it into
/// an objective (it becomes an action linked to the agreement) or dismisses it with a reason. Decided once.
/// </summary>
public sealed class ProposedAction
{
    private ProposedAction()
    {
    }

    public Guid AgreementId { get; private init; }
    public string MunicipalityCode { get; private init; } = "";
    public Guid SessionId { get; private init; }
    public string What { get; private init; } = "";
    public string ResponsibleInstitution { get; private init; } = "";
    public DateOnly DueOn { get; private init; }
    /// <summary>The agreement's own status in Membership: pending, in_progress, done or cancelled.</summary>
    public string AgreementStatus { get; private set; } = "";
    public DateTimeOffset AgreementUpdatedAt { get; private set; }
    public ProposalStatus Status { get; private set; }
    public DateTimeOffset ReceivedAt { get; private init; }
    public Guid? PlanId { get; private set; }
    public Guid? ActionId { get; private set; }
    public string? DismissReason { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public long Version { get; private set; } = 1;

    public static ProposedAction Propose(RecordedAgreement agreement, DateTimeOffset receivedAt) => new()
    {
        AgreementId = agreement.AgreementId,
        MunicipalityCode = agreement.MunicipalityCode,
        SessionId = agreement.SessionId,
        What = agreement.What,
        ResponsibleInstitution = agreement.ResponsibleInstitution,
        DueOn = agreement.DueOn,
        AgreementStatus = agreement.Status,
        AgreementUpdatedAt = agreement.OccurredAt,
        ReceivedAt = receivedAt,
    };

    /// <summary>The agreement's status in Membership. Its events may arrive in any order: only a newer one changes it.</summary>
    public void FollowAgreement(string status, DateTimeOffset occurredAt)
    {
        if (AgreementUpdatedAt < occurredAt)
        {
            AgreementStatus = status;
            AgreementUpdatedAt = occurredAt;
        }
    }

    /// <summary>Still proposed, and at the version the person read: what accepting or dismissing needs.</summary>
    public void EnsureUndecided(long expectedVersion)
    {
        if (Status != ProposalStatus.Proposed)
        {
            throw new PreconditionFailedException("PROPOSAL_DECIDED", "agreement", Status == ProposalStatus.Accepted
                ? "Este acuerdo ya es una acción del plan."
                : $"Este acuerdo ya fue descartado: {DismissReason}");
        }

        ExpectedVersion.Ensure(expectedVersion, Version, "la propuesta");
    }

    /// <summary>The agreement becomes an action of the plan (a draft), linked to it.</summary>
    public PlanAction AcceptInto(Plan plan, ActionDefinition definition, long expectedVersion, string actor, DateTimeOffset now)
    {
        EnsureUndecided(expectedVersion);
        var action = plan.AddAction(definition, actor, now, AgreementId);
        Status = ProposalStatus.Accepted;
        PlanId = plan.Id;
        ActionId = action.Id;
        Decided(actor, now);
        return action;
    }

    public void Dismiss(string reason, long expectedVersion, string actor, DateTimeOffset now)
    {
        EnsureUndecided(expectedVersion);
        Status = ProposalStatus.Dismissed;
        DismissReason = reason;
        Decided(actor, now);
    }

    private void Decided(string actor, DateTimeOffset now)
    {
        DecidedAt = now;
        DecidedBy = actor;
        Version++;
    }
}
