using Boards.Planning.Domain.Proposals;

namespace Boards.Planning.Features.Common;

/// <summary>Loading a proposal to decide on (checking the caller's scope), saving the decision, and the dates of sessions.</summary>
public sealed class ProposalStore(PlanningDbContext db)
{
    /// <summary>The proposal, tracked, when the caller writes for its municipality.</summary>
    public async Task<ProposedAction> LoadForDecisionAsync(Guid agreementId, Caller caller, CancellationToken ct)
    {
        var proposal = await db.Proposals.FirstOrDefaultAsync(p => p.AgreementId == agreementId, ct)
                       ?? throw new NotFoundException($"No hay un acuerdo '{agreementId}' propuesto como acción.");
        PlanAccess.EnsureCanEdit(caller, proposal.MunicipalityCode);
        return proposal;
    }

    public async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException("La propuesta cambió mientras tanto: vuelva a leerla.");
        }
    }

    public async Task<Dictionary<Guid, DateOnly?>> SessionDatesAsync(IEnumerable<Guid> sessionIds, CancellationToken ct)
    {
        var ids = sessionIds.Distinct().ToList();
        return await db.Sessions.AsNoTracking().Where(s => ids.Contains(s.SessionId)).ToDictionaryAsync(s => s.SessionId, s => (DateOnly?)s.Date, ct);
    }

    public async Task<DateOnly?> SessionDateAsync(Guid sessionId, CancellationToken ct) =>
        (await SessionDatesAsync([sessionId], ct)).GetValueOrDefault(sessionId);
}
