global using Boards.Testing;
using System.Collections.Concurrent;
using Boards.Participation.Contracts.Events;
using Boards.Participation.Data;
using Boards.Participation.Domain;
using Boards.ServiceDefaults.Authentication;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Participation.Tests.Integration;

/// <summary>
/// The Participation service hosted in-process (<see cref="ServiceTestHost{TProgram}"/>: the REAL PostgreSQL and
/// RabbitMQ, a fresh database, its own receive queue, tokens from our identity provider in-process), plus a separate bus
/// that listens for PulseCodesIssued and PulseAnswerRecorded.
/// </summary>
public sealed class ParticipationHost()
    : ServiceTestHost<Program>("participation", "participationdb", "Participation:ReceiveEndpoint", "participation-events"), IAsyncLifetime
{
    public ConcurrentQueue<PulseCodesIssued> Issued { get; } = new();
    public ConcurrentQueue<PulseAnswerRecorded> Answered { get; } = new();

    protected override void Listen(IReceiveEndpointConfigurator endpoint)
    {
        Collect(endpoint, Issued);
        Collect(endpoint, Answered);
    }

    public Task<T> InScopeAsync<T>(Func<ParticipationDbContext, Task<T>> action) =>
        base.InScopeAsync(services => action(services.GetRequiredService<ParticipationDbContext>()));

    /// <summary>A municipality of its own for one test, put in the replica as the boot snapshot does.</summary>
    public async Task<string> NewMunicipalityAsync()
    {
        var code = $"prueba-{Guid.NewGuid().ToString("N")[..10]}";
        await InScopeAsync(db =>
        {
            db.Municipalities.Add(new Municipality { Code = code, Name = "Municipio de prueba", Department = "Itapúa", DepartmentNumber = 7, Status = "test" });
            return db.SaveChangesAsync();
        });
        return code;
    }

    public HttpClient FocalPoint(string municipality) => Client(Token(municipality, BoardsRoles.FocalPoint));

    public HttpClient Analyst() => Client(Token(null, BoardsRoles.MinistryAnalyst));

    public HttpClient Anonymous() => Client(null);

    /// <summary>Prints slips as the focal point of <paramref name="municipality"/>; returns the codes as shown.</summary>
    public async Task<IReadOnlyList<string>> IssueAsync(string municipality, string source = "counter_referral", int count = 1, string? ageBand = null)
    {
        using var focal = FocalPoint(municipality);
        var issued = await (await focal.PostJsonAsync("/api/participation/slips", new { municipalityCode = municipality, source, count, ageBand }))
            .JsonAsync(HttpStatusCode.Created);
        return issued.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
    }

    /// <summary>Waits for the answer event of this municipality to reach the listener.</summary>
    public Task<PulseAnswerRecorded> AnsweredInAsync(string municipality) => EventAsync(Answered, a => a.MunicipalityCode == municipality);

    public Task<PulseCodesIssued> IssuedInAsync(string municipality) => EventAsync(Issued, a => a.MunicipalityCode == municipality);

    private static async Task<T> EventAsync<T>(ConcurrentQueue<T> queue, Func<T, bool> match)
    {
        T? found = default;
        await WaitUntilAsync(() => Task.FromResult((found = queue.FirstOrDefault(match)) is not null), typeof(T).Name);
        return found!;
    }
}
