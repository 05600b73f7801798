using Boards.BuildingBlocks.Errors;
using Boards.Planning.Domain;
using Boards.Planning.Domain.Plans;
using Boards.Planning.Domain.Proposals;
using Boards.Planning.Features.Common;
using Boards.Planning.Features.Plans;
using Boards.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Boards.Planning.Features.Proposals;

/// <summary>Board agreements proposed as actions: listed per municipality, accepted into a draft plan's objective, or dismissed with a reason.</summary>
public sealed class Proposals(PlanStore store, PlanEditor plans)
{
    public async Task<IReadOnlyList<ProposalView>> ListAsync(string? municipality, string? status, Caller caller, CancellationToken ct)
    {
        var code = PlanAccess.ListScope(caller, municipality);
        var query = store.Db.Proposals.AsNoTracking();
        if (code is not null)
        {
            query = query.Where(p => p.MunicipalityCode == code);
        }

        var proposals = await query.OrderBy(p => p.MunicipalityCode).ThenBy(p => p.DueOn).ThenBy(p => p.AgreementId).ToListAsync(ct);
        var dates = await SessionDatesAsync(proposals.Select(p => p.SessionId), ct);
        return proposals.Select(p => ProposalView.From(p, dates.GetValueOrDefault(p.SessionId)))
            .Where(p => string.IsNullOrWhiteSpace(status) || p.Status == status.Trim())
            .ToList();
    }

    public async Task<(ProposalView Proposal, PlanAction Action)> AcceptAsync(Guid agreementId, AcceptProposalCommand command, Caller caller, CancellationToken ct)
    {
        var proposal = await LoadAsync(agreementId, caller, ct);
        var errors = new FieldErrors();
        PlanStore.RequireVersion(errors, command.ExpectedVersion, "la propuesta");
        if (command.PlanId is null || command.PlanId == Guid.Empty)
        {
            errors.Add("planId", "Indique el plan al que se incorpora el acuerdo.");
            errors.ThrowIfAny();
        }

        var plan = await store.Db.Plans.Include(p => p.Objectives).Include(p => p.Actions).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == command.PlanId, ct);
        if (plan is null)
        {
            errors.Add("planId", $"No existe el plan '{command.PlanId}'.");
        }
        else if (plan.MunicipalityCode != proposal.MunicipalityCode)
        {
            errors.Add("planId", $"El plan es de '{plan.MunicipalityCode}' y el acuerdo de '{proposal.MunicipalityCode}'.");
        }

        errors.ThrowIfAny();
        EnsureProposed(proposal);
        PlanStore.EnsureVersion(command.ExpectedVersion!.Value, proposal.Version, "la propuesta");
        PlanStore.EnsureDraft(plan!);

        var sessionDate = (await SessionDatesAsync([proposal.SessionId], ct)).GetValueOrDefault(proposal.SessionId);
        var startsOn = command.StartsOn ?? Min(sessionDate ?? store.Calendar.Today, proposal.DueOn);
        var valid = plans.Validate(plan!, new ActionInput
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

        var action = plans.NewAction(plan!, valid, caller, proposal.AgreementId);
        store.Db.Actions.Add(action);
        proposal.Status = ProposalStatus.Accepted;
        proposal.PlanId = plan!.Id;
        proposal.ActionId = action.Id;
        Decided(proposal, caller);
        await store.SaveAsync(plan, structural: true, ct);
        return (ProposalView.From(proposal, sessionDate), action);
    }

    public async Task<ProposalView> DismissAsync(Guid agreementId, DismissProposalCommand command, Caller caller, CancellationToken ct)
    {
        var proposal = await LoadAsync(agreementId, caller, ct);
        var errors = new FieldErrors();
        PlanStore.RequireVersion(errors, command.ExpectedVersion, "la propuesta");
        var reason = command.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > PlanningLimits.Reason)
        {
            errors.Add("reason", $"Explique por qué el acuerdo no entra al plan (hasta {PlanningLimits.Reason} caracteres).");
        }

        errors.ThrowIfAny();
        EnsureProposed(proposal);
        PlanStore.EnsureVersion(command.ExpectedVersion!.Value, proposal.Version, "la propuesta");
        proposal.Status = ProposalStatus.Dismissed;
        proposal.DismissReason = reason;
        Decided(proposal, caller);
        try
        {
            await store.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("La propuesta cambió mientras tanto: vuelva a leerla.");
        }

        var sessionDate = (await SessionDatesAsync([proposal.SessionId], ct)).GetValueOrDefault(proposal.SessionId);
        return ProposalView.From(proposal, sessionDate);
    }

    private async Task<ProposedAction> LoadAsync(Guid agreementId, Caller caller, CancellationToken ct)
    {
        var proposal = await store.Db.Proposals.FirstOrDefaultAsync(p => p.AgreementId == agreementId, ct)
                       ?? throw new NotFoundException($"No hay un acuerdo '{agreementId}' propuesto como acción.");
        PlanAccess.EnsureCanEdit(caller, proposal.MunicipalityCode);
        return proposal;
    }

    private void Decided(ProposedAction proposal, Caller caller)
    {
        proposal.DecidedAt = store.Calendar.Now;
        proposal.DecidedBy = caller.DisplayName;
        proposal.Version++;
    }

    private static void EnsureProposed(ProposedAction proposal)
    {
        if (proposal.Status != ProposalStatus.Proposed)
        {
            throw new PreconditionFailedException("PROPOSAL_DECIDED", "agreement", proposal.Status == ProposalStatus.Accepted
                ? "Este acuerdo ya es una acción del plan."
                : $"Este acuerdo ya fue descartado: {proposal.DismissReason}");
        }
    }

    private async Task<Dictionary<Guid, DateOnly?>> SessionDatesAsync(IEnumerable<Guid> sessionIds, CancellationToken ct)
    {
        var ids = sessionIds.Distinct().ToList();
        return await store.Db.Sessions.AsNoTracking().Where(s => ids.Contains(s.SessionId)).ToDictionaryAsync(s => s.SessionId, s => (DateOnly?)s.Date, ct);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Shorten(string what) => what.Length <= PlanValidator.MaxTitleLength ? what : what[..(PlanValidator.MaxTitleLength - 1)] + "…";
}
