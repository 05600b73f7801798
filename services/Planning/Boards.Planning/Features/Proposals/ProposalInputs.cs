using Boards.BuildingBlocks.Api.Limits;
using Boards.Planning.Domain;
using Boards.Planning.Domain.Proposals;

namespace Boards.Planning.Features.Proposals;

/// <summary>
/// Accept an agreement into an objective of a draft plan. Title, responsible institution and end date come from the
/// agreement unless given; the start date defaults to the session's date.
/// </summary>
public sealed record AcceptProposalCommand
{
    public Guid? PlanId { get; init; }
    public Guid? ObjectiveId { get; init; }
    [MaxText(PlanningLimits.Choice)]
    public string? Horizon { get; init; }
    [MaxText(PlanningLimits.Title)]
    public string? Title { get; init; }
    [MaxText(PlanningLimits.Code)]
    public string? ResponsibleInstitution { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    public long? Budget { get; init; }
    public decimal? Weight { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed record DismissProposalCommand
{
    [MaxText(PlanningLimits.Reason)]
    public string? Reason { get; init; }
    public long? ExpectedVersion { get; init; }
}

public sealed record ProposalView(
    Guid AgreementId, string MunicipalityCode, Guid SessionId, DateOnly? SessionDate, string What, string ResponsibleInstitution,
    DateOnly DueOn, string AgreementStatus, string Status, Guid? PlanId, Guid? ActionId, string? DismissReason,
    DateTimeOffset ReceivedAt, DateTimeOffset? DecidedAt, string? DecidedBy, long Version)
{
    public static string StatusCode(ProposalStatus status) => status switch
    {
        ProposalStatus.Proposed => "proposed",
        ProposalStatus.Accepted => "accepted",
        _ => "dismissed",
    };

    public static ProposalView From(ProposedAction p, DateOnly? sessionDate) => new(
        p.AgreementId, p.MunicipalityCode, p.SessionId, sessionDate, p.What, p.ResponsibleInstitution, p.DueOn, p.AgreementStatus,
        StatusCode(p.Status), p.PlanId, p.ActionId, p.DismissReason, p.ReceivedAt, p.DecidedAt, p.DecidedBy, p.Version);
}
