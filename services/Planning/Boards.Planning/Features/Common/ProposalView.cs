using Boards.Planning.Domain.Proposals;

namespace Boards.Planning.Features.Common;

/// <summary>A board agreement proposed as an action, with its session's date and the decision taken on it.</summary>
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
