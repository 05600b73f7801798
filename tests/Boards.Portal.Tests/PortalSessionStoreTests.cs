using System.Globalization;
using System.Security.Claims;
using Boards.Portal.Authentication;
using Boards.Portal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.Portal.Tests;

/// <summary>
/// The sessions kept in the portal's database (real PostgreSQL): the cookie holds a random key, the ticket is stored
/// encrypted, another replica (another store on the same database) finds it, and a session ends with its access token.
/// </summary>
public sealed class PortalSessionStoreTests : IAsyncLifetime
{
    private readonly PortalDatabase _database = new();
    private readonly ManualClock _clock = new();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddDbContext<PortalDbContext>(options => options.UseNpgsql(_database.ConnectionString))
            .BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DropAsync();
    }

    /// <summary>A store as one replica has it; replicas share the database and the key ring.</summary>
    private PortalSessionStore Replica(IDataProtectionProvider keys) => new(_services.GetRequiredService<IServiceScopeFactory>(), keys, _clock);

    private AuthenticationTicket Ticket(TimeSpan tokenLife, string accessToken = "eyJ-access-token")
    {
        var properties = new AuthenticationProperties();
        properties.StoreTokens([
            new AuthenticationToken { Name = "access_token", Value = accessToken },
            new AuthenticationToken { Name = "expires_at", Value = (_clock.GetUtcNow() + tokenLife).ToString("o", CultureInfo.InvariantCulture) },
        ]);
        return new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "p1")], "test")), properties, "Cookies");
    }

    private async Task<byte[]> StoredTicketAsync(string key)
    {
        await using var scope = _services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Sessions.SingleAsync(s => s.Key == key)).Ticket;
    }

    [Fact]
    public async Task A_session_made_on_one_replica_is_found_on_another_by_a_random_key_and_is_stored_encrypted()
    {
        var keys = new EphemeralDataProtectionProvider();
        var key = await Replica(keys).StoreAsync(Ticket(TimeSpan.FromMinutes(30), accessToken: "eyJ-secret-access-token"));
        var other = await Replica(keys).StoreAsync(Ticket(TimeSpan.FromMinutes(30)));

        Assert.Equal(64, key.Length);
        Assert.NotEqual(key, other);
        var found = await Replica(keys).RetrieveAsync(key);
        Assert.Equal("p1", found!.Principal.FindFirst("sub")!.Value);
        Assert.Equal("eyJ-secret-access-token", found.Properties.GetTokenValue("access_token"));
        Assert.DoesNotContain("eyJ-secret-access-token", System.Text.Encoding.UTF8.GetString(await StoredTicketAsync(key)), StringComparison.Ordinal);

        await Replica(keys).RemoveAsync(key);
        Assert.Null(await Replica(keys).RetrieveAsync(key));
        Assert.NotNull(await Replica(keys).RetrieveAsync(other));
    }

    [Fact]
    public async Task A_session_ends_when_its_access_token_expires_and_a_renewal_moves_the_end()
    {
        var keys = new EphemeralDataProtectionProvider();
        var store = Replica(keys);
        var key = await store.StoreAsync(Ticket(TimeSpan.FromMinutes(10)));

        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(await store.RetrieveAsync(key));
        await store.RenewAsync(key, Ticket(TimeSpan.FromMinutes(10)));
        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(await store.RetrieveAsync(key));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await store.RetrieveAsync(key));
    }

    [Fact]
    public async Task A_session_encrypted_with_another_key_ring_or_a_malformed_key_finds_nothing()
    {
        var key = await Replica(new EphemeralDataProtectionProvider()).StoreAsync(Ticket(TimeSpan.FromMinutes(30)));

        Assert.Null(await Replica(new EphemeralDataProtectionProvider()).RetrieveAsync(key));
        Assert.Null(await Replica(new EphemeralDataProtectionProvider()).RetrieveAsync("' or 1=1 --"));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
