using System.Collections.Concurrent;
using Boards.BuildingBlocks.Inbox;
using Boards.Membership.Contracts.Events;
using Boards.Needs.Contracts.Events;
using Boards.Needs.Contracts.Prioritization;
using Boards.Planning.Contracts.Events;
using Boards.Planning.Data;
using Boards.Planning.Features.ReferenceData;
using Boards.Testing;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Boards.Planning.Tests.Integration;

/// <summary>
/// The Planning service hosted in-process against the REAL PostgreSQL (a fresh random database, dropped at the end)
/// and the REAL RabbitMQ, with its own receive queue, plus a separate bus that listens for PlanApproved and
/// PlanActionProgressed and publishes what Needs and Membership would (NeedsPrioritized, SessionHeld,
/// AgreementRecorded). Tokens come from our identity provider, hosted in-process (<see cref="InProcessIdentity"/>).
/// </summary>
public sealed class PlanningHost : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];
    private InProcessIdentity? _identity;
    private WebApplicationFactory<Program>? _factory;
    private IBusControl? _bus;

    public string DatabaseName => $"planning_test_{_suffix}";
    public string IdentityDatabaseName => $"planning_identity_test_{_suffix}";
    public string ListenerQueue => $"planning-test-listener-{_suffix}";
    public string ReceiveEndpoint => $"planning-events-test-{_suffix}";

    public ConcurrentQueue<PlanApproved> Approved { get; } = new();
    public ConcurrentQueue<PlanActionProgressed> Progressed { get; } = new();

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public IBus Bus => _bus ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        await TestPostgres.CreateDatabaseAsync(DatabaseName);
        await TestPostgres.CreateDatabaseAsync(IdentityDatabaseName);
        _identity = new InProcessIdentity(IdentityDatabaseName);
        _identity.Start();
        var identityHandler = _identity.Handler();

        // Listen first, so the exchange binding exists before the service's relay publishes anything.
        _bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(TestRabbitMq.Uri));
            rabbit.ReceiveEndpoint(ListenerQueue, endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Handler<PlanApproved>(context =>
                {
                    Approved.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
                endpoint.Handler<PlanActionProgressed>(context =>
                {
                    Progressed.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        await _bus.StartAsync(new CancellationTokenSource(Patience).Token);

        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:planningdb", TestPostgres.ConnectionString(DatabaseName));
            web.UseSetting("ConnectionStrings:rabbitmq", TestRabbitMq.Uri);
            // A queue per host: hosts of other test classes (other databases) must not take this host's events.
            web.UseSetting("Planning:ReceiveEndpoint", ReceiveEndpoint);
            web.UseSetting("Identity:Authority", InProcessIdentity.Issuer);
            web.UseSetting("Identity:Issuer", InProcessIdentity.Issuer);
            web.ConfigureTestServices(services =>
                services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
                    options => options.BackchannelHttpHandler = identityHandler));
        });
        _ = _factory.Server; // starts the host: migrations, seed, bus, consumers, outbox relay
        await WaitUntilAsync(async () => (await TestRabbitMq.InspectQueueAsync(ReceiveEndpoint)).Consumers > 0, $"a consumer on queue {ReceiveEndpoint}");
    }

    public async Task DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_identity is not null)
        {
            await _identity.DisposeAsync();
        }

        await TestRabbitMq.DeleteQueuesAndExchangesAsync(ListenerQueue, ReceiveEndpoint, $"{ReceiveEndpoint}_error", $"{ReceiveEndpoint}_skipped");
        NpgsqlConnection.ClearAllPools();
        await TestPostgres.DropDatabaseAsync(DatabaseName);
        await TestPostgres.DropDatabaseAsync(IdentityDatabaseName);
    }

    /// <summary>A real token from the in-process identity provider for a user with these roles and municipality.</summary>
    public string Token(string? municipality, params string[] roles) =>
        Task.Run(() => (_identity ?? throw new InvalidOperationException("Not started.")).TokenAsync(municipality, roles)).GetAwaiter().GetResult();

    public HttpClient Client(string? token) => Factory.CreateClientWithToken(token);

    public GrpcChannel Channel() => Factory.CreateGrpcChannel();

    public async Task<T> InScopeAsync<T>(Func<PlanningDbContext, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PlanningDbContext>());
    }

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

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Patience.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(50);
        }
    }
}
