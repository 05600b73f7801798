using Boards.BuildingBlocks.Api.Limits;
using Boards.Membership.Domain.Sessions;

namespace Boards.Membership.Features.RecordSession;

public sealed record AgreementInput(
    [property: MaxText(MembershipLimits.AgreementWhat)] string? What,
    [property: MaxText(MembershipLimits.Code)] string? ResponsibleInstitution,
    [property: MaxText(MembershipLimits.Date)] string? DueOn,
    AgreementStatus? Status);

public sealed record RecordSessionCommand
{
    /// <summary>"YYYY-MM-DD".</summary>
    [MaxText(MembershipLimits.Date)]
    public string? Date { get; init; }
    [MaxText(MembershipLimits.Agenda)]
    public string? Agenda { get; init; }
    [MaxText(MembershipLimits.Minutes)]
    public string? Minutes { get; init; }
    /// <summary>Membership ids of the members present.</summary>
    [MaxItems(MembershipLimits.Attendees), EachMaxText(MembershipLimits.Id)]
    public IReadOnlyList<string>? Attendees { get; init; }
    [MaxItems(MembershipLimits.Agreements)]
    public IReadOnlyList<AgreementInput>? Agreements { get; init; }
    /// <summary>true records the session already closed (frozen); default false: draft.</summary>
    public bool Close { get; init; }
}
