using Boards.BuildingBlocks.Api.Limits;
using Boards.Planning.Domain;

namespace Boards.Planning.Features.DismissProposal;

public sealed record DismissProposalCommand
{
    [MaxText(PlanningLimits.Reason)]
    public string? Reason { get; init; }
    public long? ExpectedVersion { get; init; }
}

/// <summary>Dismisses a board agreement proposed as an action, with the reason it does not enter the plan.</summary>
public sealed class DismissProposalHandler(ProposalStore proposals, PlanCalendar calendar)
{
    public async Task<ProposalView> HandleAsync(Guid agreementId, DismissProposalCommand command, Caller caller, CancellationToken ct)
    {
        var proposal = await proposals.LoadForDecisionAsync(agreementId, caller, ct);
        var errors = new FieldErrors();
        ExpectedVersion.Require(errors, command.ExpectedVersion, "la propuesta");
        var reason = command.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > PlanningLimits.Reason)
        {
            errors.Add("reason", $"Explique por qué el acuerdo no entra al plan (hasta {PlanningLimits.Reason} caracteres).");
        }

        errors.ThrowIfAny();
        proposal.Dismiss(reason, command.ExpectedVersion!.Value, caller.DisplayName, calendar.Now);
        await proposals.SaveAsync(ct);
        return ProposalView.From(proposal, await proposals.SessionDateAsync(proposal.SessionId, ct));
    }
}
