using Microsoft.AspNetCore.Hosting;

namespace Boards.Needs.Tests.Integration;

/// <summary>Needs with Membership's roster out of reach: the gRPC client with nothing listening at its address.</summary>
public sealed class RosterOutageHost : NeedsHost
{
    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Needs:Membership:Address", "http://127.0.0.1:9");
        web.UseSetting("Needs:Membership:TimeoutSeconds", "2");
    }
}

/// <summary>
/// A ballot needs the board's current roster: while Membership cannot be asked, the ballot is refused with 503 and
/// Retry-After, and nothing is written, rather than taken from someone who may not be a voting member.
/// </summary>
public sealed class RosterOutageTests(RosterOutageHost host) : IClassFixture<RosterOutageHost>
{
    [Fact]
    public async Task A_ballot_while_membership_cannot_be_asked_is_503_and_nothing_is_written()
    {
        var municipality = await host.NewMunicipalityAsync();
        using var focal = host.Client(host.FocalPoint(municipality));
        var round = (await Rounds.OpenAsync(focal, municipality)).GetProperty("id").GetGuid();
        var need = await Rounds.AddNeedAsync(focal, round, Rounds.Need("housing", 10, 2));

        using var response = await focal.PutJsonAsync($"{Rounds.Path}/{round}/ballots/{Guid.NewGuid()}", new { ranking = new[] { need } });
        var problem = await response.JsonAsync(HttpStatusCode.ServiceUnavailable);

        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("padrón", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(0, await host.InScopeAsync(services => services.GetRequiredService<NeedsDbContext>().Ballots.CountAsync(b => b.RoundId == round)));
    }
}
