using Boards.Membership.Contracts.Events;
using Boards.Planning.Domain.Proposals;

namespace Boards.Planning.Tests.Integration;

/// <summary>
/// With two outbox relays (or a redelivery) AgreementStatusChanged can overtake AgreementRecorded: the status is held
/// until the agreement arrives, then applied if newer, and the agreement is proposed as usual.
/// </summary>
public sealed class AgreementOrderTests(PlanningHost host) : IClassFixture<PlanningHost>
{
    [Fact]
    public async Task A_status_change_that_arrives_before_its_agreement_is_held_and_applied_when_the_agreement_arrives()
    {
        var municipality = await host.NewMunicipalityAsync();
        var recordedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds()); // PostgreSQL keeps microseconds
        var recorded = Agreement(municipality, recordedAt);
        var started = Change(recorded, "in_progress", recordedAt.AddMinutes(2));

        await host.PublishAndWaitHandledAsync(started);
        Assert.False(await host.InScopeAsync(db => db.Proposals.AnyAsync(p => p.AgreementId == recorded.AgreementId)));
        Assert.Equal("in_progress", (await EarlyAsync(recorded.AgreementId))!.Status);

        // An older change arriving even later does not undo the newer one held.
        await host.PublishAndWaitHandledAsync(Change(recorded, "cancelled", recordedAt.AddMinutes(1)));
        Assert.Equal("in_progress", (await EarlyAsync(recorded.AgreementId))!.Status);

        await host.PublishAndWaitHandledAsync(recorded);

        var proposal = await ProposalAsync(recorded.AgreementId);
        Assert.Equal((ProposalStatus.Proposed, "in_progress", recordedAt.AddMinutes(2)), (proposal.Status, proposal.AgreementStatus, proposal.AgreementUpdatedAt));
        Assert.Equal(recorded.What, proposal.What);
        Assert.Null(await EarlyAsync(recorded.AgreementId));

        await host.PublishAndWaitHandledAsync(Change(recorded, "done", recordedAt.AddMinutes(3)));
        Assert.Equal("done", (await ProposalAsync(recorded.AgreementId)).AgreementStatus);
    }

    [Fact]
    public async Task Agreements_whose_two_events_arrive_together_in_either_order_all_end_with_the_newest_status()
    {
        var municipality = await host.NewMunicipalityAsync();
        var recordedAt = DateTimeOffset.UtcNow.AddMinutes(-10);
        var agreements = Enumerable.Range(0, 12).Select(_ => Agreement(municipality, recordedAt)).ToList();

        // Published back to back, so the service consumes them concurrently: half the changes first, half after.
        await Task.WhenAll(agreements.Select((agreement, i) => i % 2 == 0
            ? PublishBothAsync(Change(agreement, "done", recordedAt.AddMinutes(1)), agreement)
            : PublishBothAsync(agreement, Change(agreement, "done", recordedAt.AddMinutes(1)))));

        var ids = agreements.Select(a => a.AgreementId).ToList();
        await PlanningHost.WaitUntilAsync(
            async () => await host.InScopeAsync(db => db.Proposals.CountAsync(p => ids.Contains(p.AgreementId) && p.AgreementStatus == "done")) == ids.Count,
            "every agreement proposed with its newest status");
        Assert.Equal(0, await host.InScopeAsync(db => db.EarlyAgreementStatuses.CountAsync(e => ids.Contains(e.AgreementId))));
    }

    private async Task PublishBothAsync(object first, object second)
    {
        await host.Bus.Publish(first);
        await host.Bus.Publish(second);
    }

    private Task<EarlyAgreementStatus?> EarlyAsync(Guid agreementId) =>
        host.InScopeAsync(db => db.EarlyAgreementStatuses.AsNoTracking().SingleOrDefaultAsync(e => e.AgreementId == agreementId));

    private Task<ProposedAction> ProposalAsync(Guid agreementId) =>
        host.InScopeAsync(db => db.Proposals.AsNoTracking().SingleAsync(p => p.AgreementId == agreementId));

    private static AgreementRecorded Agreement(string municipality, DateTimeOffset at) => new()
    {
        MunicipalityCode = municipality, BoardId = Guid.CreateVersion7(), SessionId = Guid.CreateVersion7(), AgreementId = Guid.CreateVersion7(),
        What = "Gestionar la ampliación del comedor escolar", ResponsibleInstitution = "mec", DueOn = new DateOnly(2026, 11, 30), Status = "pending",
        OccurredAt = at,
    };

    private static AgreementStatusChanged Change(AgreementRecorded agreement, string status, DateTimeOffset at) => new()
    {
        MunicipalityCode = agreement.MunicipalityCode, BoardId = agreement.BoardId, SessionId = agreement.SessionId, AgreementId = agreement.AgreementId,
        PreviousStatus = "pending", Status = status, OccurredAt = at,
    };
}
