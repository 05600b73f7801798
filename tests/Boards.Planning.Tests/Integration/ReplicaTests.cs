using Boards.Membership.Contracts.Events;
using Boards.Planning.Domain.Proposals;

namespace Boards.Planning.Tests.Integration;

/// <summary>The replicas fed from the real bus: sessions keep their highest version, municipalities come from Membership, an agreement is proposed once.</summary>
public sealed class ReplicaTests(PlanningHost host) : IClassFixture<PlanningHost>
{
    [Fact]
    public async Task A_session_keeps_its_highest_version_whatever_the_order()
    {
        var municipality = await host.NewMunicipalityAsync();
        var sessionId = Guid.CreateVersion7();
        await host.PublishAndWaitHandledAsync(Session(municipality, sessionId, version: 2, quorum: false));
        await host.PublishAndWaitHandledAsync(Session(municipality, sessionId, version: 1, quorum: true));

        var session = await host.InScopeAsync(db => db.Sessions.SingleAsync(s => s.SessionId == sessionId));
        Assert.Equal((2L, false), (session.SessionVersion, session.QuorumReached));
    }

    [Fact]
    public async Task A_municipality_registered_in_membership_can_have_a_plan_and_a_redelivered_agreement_is_proposed_once()
    {
        var code = $"nuevo-{Guid.NewGuid().ToString("N")[..8]}";
        await host.Bus.Publish(new MunicipalityRegistered
        {
            Code = code, Name = "Distrito Nuevo", Department = "Boquerón", DepartmentNumber = 16, Status = "expansion-2026", OccurredAt = DateTimeOffset.UtcNow,
        });
        await PlanningHost.WaitUntilAsync(() => host.InScopeAsync(db => db.Municipalities.AnyAsync(m => m.Code == code)), $"municipality {code}");
        using var client = host.Client(host.FocalPoint(code));
        Assert.NotEqual(Guid.Empty, await client.CreateAsync(code));

        var agreement = new AgreementRecorded
        {
            MunicipalityCode = code, BoardId = Guid.CreateVersion7(), SessionId = Guid.CreateVersion7(), AgreementId = Guid.CreateVersion7(),
            What = "Relevar familias sin cédula", ResponsibleInstitution = "mds", DueOn = new DateOnly(2026, 10, 1), Status = "pending",
            OccurredAt = DateTimeOffset.UtcNow,
        };
        var messageId = Guid.NewGuid();
        await host.PublishAndWaitHandledAsync(agreement, messageId);
        await host.PublishAndWaitHandledAsync(agreement, messageId);
        await host.PublishAndWaitHandledAsync(agreement with { AgreementId = Guid.CreateVersion7() });

        Assert.Equal(2, await host.InScopeAsync(db => db.Proposals.CountAsync(p => p.MunicipalityCode == code)));
        Assert.Empty(await host.InScopeAsync(db => db.Proposals.Where(p => p.MunicipalityCode == code && p.Status != Boards.Planning.Domain.Proposals.ProposalStatus.Proposed).ToListAsync()));
    }

    private static SessionHeld Session(string municipality, Guid sessionId, long version, bool quorum) => new()
    {
        MunicipalityCode = municipality, BoardId = Guid.CreateVersion7(), SessionId = sessionId, SessionVersion = version,
        Date = new DateOnly(2026, 5, 5), QuorumReached = quorum, AttendeesCount = 5, VotingMembersCount = 10, VotingPresentCount = quorum ? 6 : 4,
        OccurredAt = DateTimeOffset.UtcNow,
    };
}
