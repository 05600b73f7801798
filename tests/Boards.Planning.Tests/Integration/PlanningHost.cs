global using Boards.Testing;
using System.Collections.Concurrent;
using Boards.BuildingBlocks.ReferenceData;
using Boards.BuildingBlocks.Inbox;
using Boards.Membership.Contracts.Events;
using Boards.Needs.Contracts.Events;
using Boards.Needs.Contracts.Prioritization;
using Boards.Planning.Contracts.Events;
using Boards.Planning.Data;
using Boards.Planning.Domain;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Planning.Tests.Integration;

/// <summary>
/// The Planning service hosted in-process (<see cref="ServiceTestHost{TProgram}"/>: the REAL PostgreSQL and RabbitMQ, a
/// fresh database, its own receive queue, tokens from our identity provider in-process), plus a separate bus that listens
/// for PlanApproved and PlanActionProgressed and publishes what Needs and Membership would (NeedsPrioritized, SessionHeld,
/// AgreementRecorded).
/// </summary>
public sealed class PlanningHost() : ServiceTestHost<Program>("planning", "planningdb", "Planning:ReceiveEndpoint", "planning-events"), IAsyncLifetime
{
    public ConcurrentQueue<PlanApproved> Approved { get; } = new();
    public ConcurrentQueue<PlanActionProgressed> Progressed { get; } = new();

    protected override void Listen(IReceiveEndpointConfigurator endpoint)
    {
        Collect(endpoint, Approved);
        Collect(endpoint, Progressed);
    }

    /// <summary>
    /// The overdue sweep runs every second here (OverdueSweepTests); the service's default is an hour. A consumer's
    /// failure is retried within a fraction of a second, redelivered once after two seconds, then parked (MessagingAdminTests).
    /// </summary>
    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Planning:OverdueSweepInterval", "00:00:01");
        web.UseSetting("Messaging:RetryIntervals", "00:00:00.05,00:00:00.05");
        web.UseSetting("Messaging:RedeliveryIntervals", "00:00:02");
        web.UseSetting("Messaging:RedeliveryPollInterval", "00:00:00.500");
    }

    public Task<T> InScopeAsync<T>(Func<PlanningDbContext, Task<T>> action) =>
        base.InScopeAsync(services => action(services.GetRequiredService<PlanningDbContext>()));

    /// <summary>A municipality of its own for one test, put in the replica as the boot snapshot does.</summary>
    public async Task<string> NewMunicipalityAsync(string name = "Municipio de prueba")
    {
        var code = $"prueba-{Guid.NewGuid().ToString("N")[..10]}";
        await InScopeAsync(db =>
        {
            db.Municipalities.Add(new Municipality { Code = code, Name = name, Department = "Itapúa", DepartmentNumber = 7, Status = "test" });
            return db.SaveChangesAsync();
        });
        return code;
    }

    /// <summary>Publishes a closed round's ranking as Needs would, and waits for the replica. Rank 1 first.</summary>
    public async Task<IReadOnlyList<PrioritizedNeed>> PrioritizeAsync(string municipality, params (string Category, string Locality)[] needs)
    {
        var ranking = needs.Select((n, i) => new PrioritizedNeed
        {
            Rank = i + 1, NeedId = Guid.CreateVersion7(), Category = n.Category, Locality = n.Locality, PopulationGroup = "children",
            PeopleAffected = 100 - i, Severity = 4, Points = 10 - i, DecidedBy = i == 0 ? "first" : "points",
        }).ToList();
        await Bus.Publish(new NeedsPrioritized
        {
            RoundId = Guid.CreateVersion7(), MunicipalityCode = municipality, Period = "2026", BallotCount = 3, Rule = "Borda",
            Ranking = ranking, ClosedAt = DateTimeOffset.UtcNow, OccurredAt = DateTimeOffset.UtcNow,
        });
        var last = ranking[^1].NeedId;
        await WaitUntilAsync(() => InScopeAsync(db => db.PrioritizedNeeds.AnyAsync(n => n.NeedId == last)), "the prioritized needs in the replica");
        return ranking;
    }

    /// <summary>Publishes a recorded board session as Membership would, and waits for the replica.</summary>
    public async Task<Guid> SessionAsync(string municipality, bool quorum, DateOnly? date = null)
    {
        var sessionId = Guid.CreateVersion7();
        await Bus.Publish(new SessionHeld
        {
            MunicipalityCode = municipality, BoardId = Guid.CreateVersion7(), SessionId = sessionId, SessionVersion = 1,
            Date = date ?? new DateOnly(2026, 3, 10), QuorumReached = quorum, AttendeesCount = quorum ? 9 : 3, VotingMembersCount = 12,
            VotingPresentCount = quorum ? 8 : 3, OccurredAt = DateTimeOffset.UtcNow,
        });
        await WaitUntilAsync(() => InScopeAsync(db => db.Sessions.AnyAsync(s => s.SessionId == sessionId)), $"session {sessionId} in the replica");
        return sessionId;
    }

    /// <summary>Publishes with a known message id and waits until the service's inbox shows it handled.</summary>
    public async Task PublishAndWaitHandledAsync<T>(T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? Guid.NewGuid();
        await Bus.Publish(message, Pipe.Execute<PublishContext<T>>(context => context.MessageId = id));
        await WaitUntilAsync(() => InScopeAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.MessageId == id)), $"{typeof(T).Name} {id} handled");
    }
}
