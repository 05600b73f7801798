using System.Globalization;
using System.Security.Claims;
using Boards.Portal.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace Boards.Portal.Tests;

/// <summary>The sessions kept on the server: the cookie holds a random key, and a session ends with its access token.</summary>
public sealed class PortalSessionStoreTests
{
    private readonly ManualClock _clock = new();
    private readonly MemoryCache _cache;
    private readonly PortalSessionStore _store;

    public PortalSessionStoreTests()
    {
        _cache = new MemoryCache(new MemoryCacheOptions { Clock = new CacheClock(_clock) });
        _store = new PortalSessionStore(_cache, _clock);
    }

    private AuthenticationTicket Ticket(TimeSpan tokenLife)
    {
        var properties = new AuthenticationProperties();
        properties.StoreTokens([
            new AuthenticationToken { Name = "access_token", Value = new string('a', 3000) },
            new AuthenticationToken { Name = "expires_at", Value = (_clock.GetUtcNow() + tokenLife).ToString("o", CultureInfo.InvariantCulture) },
        ]);
        return new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "p1")], "test")), properties, "Cookies");
    }

    [Fact]
    public async Task A_session_is_found_by_a_random_key_until_it_is_removed()
    {
        var key = await _store.StoreAsync(Ticket(TimeSpan.FromMinutes(30)));
        var other = await _store.StoreAsync(Ticket(TimeSpan.FromMinutes(30)));

        Assert.Equal(64, key.Length);
        Assert.NotEqual(key, other);
        Assert.Equal("p1", (await _store.RetrieveAsync(key))!.Principal.FindFirst("sub")!.Value);
        await _store.RemoveAsync(key);
        Assert.Null(await _store.RetrieveAsync(key));
        Assert.NotNull(await _store.RetrieveAsync(other));
    }

    [Fact]
    public async Task A_session_ends_when_its_access_token_expires()
    {
        var key = await _store.StoreAsync(Ticket(TimeSpan.FromMinutes(10)));

        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.NotNull(await _store.RetrieveAsync(key));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await _store.RetrieveAsync(key));
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private sealed class CacheClock(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
}
