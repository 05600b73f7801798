using System.Text;
using Google.Rpc;

namespace Boards.EndToEnd.Tests;

/// <summary>Each size limit (docs/security.md) refuses an oversized request cleanly, at the gateway and in a service; never a 500.</summary>
[Collection(BoardsCollection.Name)]
public sealed class SizeLimitTests(BoardsAppFixture boards)
{
    private const int ReferralsRestPort = 6101;
    private const int Mebibyte = 1024 * 1024;

    [Fact]
    public async Task A_rest_body_over_8_MiB_is_413_at_the_gateway_and_in_the_service()
    {
        var token = await boards.Tokens.ForUser("focal.alto-vera");
        var oversized = "{\"reason\":\"" + new string('a', 9 * Mebibyte) + "\"}";

        foreach (var address in new[] { $"http://localhost:{BoardsAppFixture.GatewayPort}", $"http://localhost:{ReferralsRestPort}" })
        {
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals")
            {
                Content = new StringContent(oversized, Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            // The refusal comes before the body is read: without waiting for "100 Continue" the client would still be
            // sending when the server answers and closes the connection.
            request.Headers.ExpectContinue = true;
            using var response = await http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{address}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task A_body_just_under_the_limit_passes_the_door_and_meets_validation()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/referrals")
        {
            Content = new StringContent("{\"reason\":\"" + new string('a', 7 * Mebibyte) + "\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await boards.Tokens.ForUser("focal.alto-vera"));
        using var response = await boards.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2000", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Headers_over_32_KiB_are_431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/referrals");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await boards.Tokens.ForUser("focal.alto-vera"));
        request.Headers.Add("X-Relleno", new string('x', 40 * 1024));
        using var response = await boards.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_grpc_message_over_4_MiB_is_resource_exhausted_through_the_gateway()
    {
        var request = Requests.NewReferral();
        request.Reason = new string('a', 5 * Mebibyte);
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await boards.Referrals.CreateReferralAsync(request, BoardsAppFixture.Bearer(await boards.Tokens.ForUser("focal.alto-vera"))));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task A_long_string_under_the_message_limit_is_a_field_violation()
    {
        var request = Requests.NewReferral();
        request.Reason = new string('a', 2001);
        request.Person.GivenNames = new string('b', 201);
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await boards.Referrals.CreateReferralAsync(request, BoardsAppFixture.Bearer(await boards.Tokens.ForUser("focal.alto-vera"))));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).ToList();
        Assert.Contains("reason", fields);
        Assert.Contains("person.given_names", fields);
    }

    [Fact]
    public async Task A_malformed_grpc_message_is_invalid_argument_not_unknown()
    {
        var token = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("focal.alto-vera"));
        var method = new GrpcMethod("boards.referrals.v1.ReferralService", "GetReferral", MethodType.Unary, "boards.referrals.v1.GetReferralRequest");
        // Field 1 (id) announced as 127 bytes long, with 3 present; then text that is not UTF-8.
        foreach (var message in new byte[][] { [0x0A, 0x7F, 0x61, 0x62, 0x63], [0x0A, 0x03, 0xC3, 0x28, 0xFF] })
        {
            var status = await RawGrpc.CallAsync(boards.Channel.CreateCallInvoker(), method, message, token, TimeSpan.FromSeconds(20));
            Assert.Equal(StatusCode.InvalidArgument, status.StatusCode);
        }
    }
}
