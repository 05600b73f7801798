using System.Globalization;
using System.Security.Cryptography;
using Boards.Portal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Boards.Portal.Authentication;

/// <summary>
/// The sessions (the person's claims and tokens) kept in the portal's database, encrypted with the shared key ring; the
/// cookie carries only a random key. With the tokens in it, the cookie was about 9 KB, sent with every request: the
/// bulk of what a tablet moved on a rural signal (docs/portal-service-days.md, "Bytes"). In the database, any replica
/// serves any session and a restart keeps them. A session lives as long as its access token.
/// </summary>
public sealed class PortalSessionStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    /// <summary>When a ticket does not say when its token expires (it always does after sign-in).</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    private readonly IDataProtector _protector = protection.CreateProtector("Boards.Portal.Sessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(PortalSession.KeyLength / 2));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow();
        // Sessions nobody signed out of end with their token; a sign-in sweeps them away.
        await db.Sessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
        db.Sessions.Add(new PortalSession { Key = key, Ticket = Protect(ticket), ExpiresAt = EndOf(ticket, now) });
        await db.SaveChangesAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var ticketBytes = Protect(ticket);
        var ends = EndOf(ticket, clock.GetUtcNow());
        await db.Sessions.Where(s => s.Key == key)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Ticket, ticketBytes).SetProperty(s => s.ExpiresAt, ends));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (key.Length != PortalSession.KeyLength)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow();
        var ticket = await db.Sessions.AsNoTracking().Where(s => s.Key == key && s.ExpiresAt > now).Select(s => s.Ticket).FirstOrDefaultAsync();
        if (ticket is null)
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(ticket));
        }
        catch (CryptographicException)
        {
            // Protected with a key the ring no longer has: the person signs in again.
            return null;
        }
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Sessions.Where(s => s.Key == key).ExecuteDeleteAsync();
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static DateTimeOffset EndOf(AuthenticationTicket ticket, DateTimeOffset now)
    {
        var ends = DateTimeOffset.TryParse(ticket.Properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires)
            ? expires
            : ticket.Properties.ExpiresUtc ?? now + DefaultLifetime;
        return ends > now ? ends : now + TimeSpan.FromMinutes(1);
    }
}
