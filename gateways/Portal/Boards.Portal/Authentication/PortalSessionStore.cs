using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;

namespace Boards.Portal.Authentication;

/// <summary>
/// The sessions (the person's claims and tokens) kept on the server; the cookie carries only an encrypted key. With the
/// tokens in it, the cookie was about 9 KB, sent with every request: the bulk of what a tablet moved on a rural signal
/// (docs/portal-service-days.md, "Bytes"). A session lives as long as its access token (the portal signs in again
/// then), and a restart of the portal ends every session, as it would end a queue-less page's work only.
/// </summary>
public sealed class PortalSessionStore(IMemoryCache cache, TimeProvider clock) : ITicketStore
{
    private const string Prefix = "portal-session:";

    /// <summary>When a ticket does not say when its token expires (it always does after sign-in).</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    public Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        Keep(key, ticket);
        return Task.FromResult(key);
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        Keep(key, ticket);
        return Task.CompletedTask;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        Task.FromResult(cache.TryGetValue(Prefix + key, out AuthenticationTicket? ticket) ? ticket : null);

    public Task RemoveAsync(string key)
    {
        cache.Remove(Prefix + key);
        return Task.CompletedTask;
    }

    private void Keep(string key, AuthenticationTicket ticket)
    {
        var now = clock.GetUtcNow();
        var ends = DateTimeOffset.TryParse(ticket.Properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires)
            ? expires
            : ticket.Properties.ExpiresUtc ?? now + DefaultLifetime;
        cache.Set(Prefix + key, ticket, new MemoryCacheEntryOptions { AbsoluteExpiration = ends > now ? ends : now + TimeSpan.FromMinutes(1) });
    }
}
