using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace Boards.Gateway.Tests;

/// <summary>
/// The pulse's public answer API (/pulse/v1) needs no token, so the gateway's only defence against someone trying codes
/// is its own small bucket per remote address (Gateway:Pulse:RateLimit): here 2 requests, refilled at 1 per second.
/// </summary>
public sealed class PublicPulseRateLimitTests : IAsyncLifetime
{
    private const int Burst = 2;

    private readonly GatewayHost _gateway = new(new Dictionary<string, string>
    {
        ["Gateway:Pulse:RateLimit:PermitsPerSecond"] = "1",
        ["Gateway:Pulse:RateLimit:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private static Func<HttpRequestMessage> Answer() => () => new HttpRequestMessage(HttpMethod.Post, "/pulse/v1/answers")
    {
        Content = JsonContent.Create(new { code = "ABCD-EFGH-JKMN", trustBoard = 3 }),
    };

    [Fact]
    public async Task Anonymous_answers_pass_the_door_without_a_token_until_their_addresss_small_bucket_is_empty()
    {
        using var client = _gateway.ClientFrom("203.0.113.70");

        var (before, rejected) = await GatewayHost.SendUntilRejectedAsync(client, Answer());

        // Past authentication (no 401): nothing runs behind this gateway, so the proxy answers for the missing service.
        Assert.InRange(before.Count, Burst, Burst + 1);
        Assert.All(before, status => Assert.NotEqual(HttpStatusCode.Unauthorized, status));
        Assert.NotNull(rejected);
        using (rejected)
        {
            var problem = await rejected.Content.ReadFromJsonAsync<ProblemDetails>();
            Assert.Equal("Demasiados intentos.", problem!.Title);
            Assert.True(int.TryParse(Assert.Single(rejected.Headers.GetValues("Retry-After")), out _));
        }
    }

    [Fact]
    public async Task Each_address_has_its_own_bucket_and_a_token_does_not_buy_another()
    {
        using var flooder = _gateway.ClientFrom("203.0.113.71");
        using var neighbour = _gateway.ClientFrom("203.0.113.72");
        var (_, rejected) = await GatewayHost.SendUntilRejectedAsync(flooder, Answer());
        Assert.NotNull(rejected);
        rejected.Dispose();

        using var withToken = Answer()();
        withToken.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-real-token");
        using var stillLimited = await flooder.SendAsync(withToken);
        using var fresh = await neighbour.SendAsync(Answer()());

        Assert.Equal(HttpStatusCode.TooManyRequests, stillLimited.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, fresh.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, fresh.StatusCode);
    }

    [Fact]
    public async Task Only_get_and_post_are_anonymous_there()
    {
        using var client = _gateway.ClientFrom("203.0.113.73");

        using var response = await client.DeleteAsync("/pulse/v1/answers");

        // No route takes it: it never reaches the proxy (which would answer 502/503 for the missing service).
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
    }
}
