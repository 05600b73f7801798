using Boards.BuildingBlocks.Api.Limits;
using Boards.Planning.Domain;

namespace Boards.Planning.Features.AcceptProposal;

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

/// <summary>
/// Accepts a board agreement into an objective of a draft plan of its municipality: it becomes an action linked to the
/// agreement (<see cref="Domain.Proposals.ProposedAction.AcceptInto"/>), checked as any new action.
/// </summary>
public sealed class AcceptProposalHandler(ProposalStore proposals, PlanStore plans, PlanValidator validator, PlanningDbContext db, PlanCalendar calendar)
{
    public async Task<(ProposalView Proposal, PlanAction Action)> HandleAsync(Guid agreementId, AcceptProposalCommand command, Caller caller, CancellationToken ct)
    {
        var proposal = await proposals.LoadForDecisionAsync(agreementId, caller, ct);
        var errors = new FieldErrors();
        ExpectedVersion.Require(errors, command.ExpectedVersion, "la propuesta");
        if (command.PlanId is null || command.PlanId == Guid.Empty)
        {
            errors.Add("planId", "Indique el plan al que se incorpora el acuerdo.");
            errors.ThrowIfAny();
        }

        var planId = command.PlanId!.Value;
        var plan = await plans.FindAsync(planId, ct);
        if (plan is null)
        {
            errors.Add("planId", $"No existe el plan '{planId}'.");
        }
        else if (plan.MunicipalityCode != proposal.MunicipalityCode)
        {
            errors.Add("planId", $"El plan es de '{plan.MunicipalityCode}' y el acuerdo de '{proposal.MunicipalityCode}'.");
        }

        errors.ThrowIfAny();
        var expectedVersion = command.ExpectedVersion!.Value;
        proposal.EnsureUndecided(expectedVersion);
        plan!.EnsureDraft();

        var sessionDate = await proposals.SessionDateAsync(proposal.SessionId, ct);
        var startsOn = command.StartsOn ?? Min(sessionDate ?? calendar.Today, proposal.DueOn);
        var definition = validator.Action(plan, new ActionInput
        {
            ObjectiveId = command.ObjectiveId,
            Title = command.Title ?? Shorten(proposal.What),
            Horizon = command.Horizon,
            ResponsibleInstitution = command.ResponsibleInstitution ?? proposal.ResponsibleInstitution,
            StartsOn = startsOn,
            EndsOn = command.EndsOn ?? proposal.DueOn,
            Budget = command.Budget ?? 0,
            Weight = command.Weight,
        }, requireVersion: false);

        var action = proposal.AcceptInto(plan, definition, expectedVersion, caller.DisplayName, calendar.Now);
        db.Actions.Add(action);
        await plans.SaveAsync(ct);
        return (ProposalView.From(proposal, sessionDate), action);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Shorten(string what) => what.Length <= PlanningLimits.Title ? what : what[..(PlanningLimits.Title - 1)] + "…";
}
