using System.Net;
using System.Security.Claims;
using Boards.Gateway.RateLimiting;
using Boards.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http;

namespace Boards.Gateway.Tests;

/// <summary>
/// ClientRateLimiting.ClientKey: a validated token is limited per client id (azp) and subject, wherever it comes from;
/// anyone else per remote address.
/// </summary>
public sealed class ClientKeyTests
{
    private static HttpContext Request(ClaimsPrincipal user, string remoteAddress) => new DefaultHttpContext
    {
        User = user,
        Connection = { RemoteIpAddress = IPAddress.Parse(remoteAddress) },
    };

    private static ClaimsPrincipal Authenticated(string? clientId, string? subject)
    {
        var claims = new List<Claim>();
        if (clientId is not null)
        {
            claims.Add(new Claim(BoardsClaimTypes.ClientId, clientId));
        }

        if (subject is not null)
        {
            claims.Add(new Claim(BoardsClaimTypes.Subject, subject));
        }

        // An authentication type is what makes an identity authenticated, as the bearer handler's is.
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer"));
    }

    /// <summary>Claims without an authentication type: what a request carries when no token was validated.</summary>
    private static ClaimsPrincipal Anonymous(params Claim[] claims) => new(new ClaimsIdentity(claims));

    [Fact]
    public void An_authenticated_caller_is_keyed_by_client_id_and_subject()
    {
        var key = ClientRateLimiting.ClientKey(Request(Authenticated("boards-cli", "user-1"), "10.0.0.1"));

        Assert.Equal("client:boards-cli:user-1", key);
    }

    [Fact]
    public void An_authenticated_caller_keeps_its_key_from_any_address()
    {
        var principal = Authenticated("integrator-demo", "service-account-1");

        Assert.Equal(
            ClientRateLimiting.ClientKey(Request(principal, "10.0.0.1")),
            ClientRateLimiting.ClientKey(Request(principal, "2001:db8::7")));
    }

    [Fact]
    public void Two_users_of_one_client_and_one_user_of_two_clients_get_separate_buckets()
    {
        var keys = new[]
        {
            ClientRateLimiting.ClientKey(Request(Authenticated("boards-cli", "user-1"), "10.0.0.1")),
            ClientRateLimiting.ClientKey(Request(Authenticated("boards-cli", "user-2"), "10.0.0.1")),
            ClientRateLimiting.ClientKey(Request(Authenticated("boards-portal", "user-1"), "10.0.0.1")),
        };

        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Authenticated_callers_never_share_a_bucket_with_an_address()
    {
        var authenticated = ClientRateLimiting.ClientKey(Request(Authenticated("boards-cli", "user-1"), "10.0.0.1"));
        var anonymous = ClientRateLimiting.ClientKey(Request(Anonymous(), "10.0.0.1"));

        Assert.NotEqual(authenticated, anonymous);
        Assert.StartsWith("client:", authenticated, StringComparison.Ordinal);
        Assert.StartsWith("address:", anonymous, StringComparison.Ordinal);
    }

    [Fact]
    public void An_anonymous_caller_is_keyed_by_remote_address()
    {
        Assert.Equal("address:10.0.0.1", ClientRateLimiting.ClientKey(Request(Anonymous(), "10.0.0.1")));
        Assert.Equal("address:2001:db8::7", ClientRateLimiting.ClientKey(Request(Anonymous(), "2001:db8::7")));
        Assert.NotEqual(
            ClientRateLimiting.ClientKey(Request(Anonymous(), "10.0.0.1")),
            ClientRateLimiting.ClientKey(Request(Anonymous(), "10.0.0.2")));
    }

    [Fact]
    public void Unvalidated_claims_do_not_choose_the_bucket()
    {
        // An identity that is not authenticated may carry claims (nothing validated them): they must be ignored,
        // or a caller could pick a fresh bucket per request by making up a subject.
        var forged = Anonymous(new Claim(BoardsClaimTypes.ClientId, "boards-cli"), new Claim(BoardsClaimTypes.Subject, "user-1"));

        Assert.Equal("address:10.0.0.1", ClientRateLimiting.ClientKey(Request(forged, "10.0.0.1")));
    }

    [Fact]
    public void A_request_without_any_user_is_keyed_by_address()
    {
        var context = new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse("192.0.2.1") } };

        Assert.Equal("address:192.0.2.1", ClientRateLimiting.ClientKey(context));
    }
}
