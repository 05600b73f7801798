using System.Text;
using Grpc.Net.Client;
using Xunit.Abstractions;
using MembershipGrpc = Boards.Membership.Contracts.Grpc;
using MonitoringGrpc = Boards.Monitoring.Contracts.Grpc;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Authorization against resources that exist (issue 16): a referral, a board and a municipality's figures of
/// municipality A, asked by the focal points of A and B, officers of two institutions, the integrator, the ministry, an
/// account without any Boards role, an expired token and no token, through the gateway and on each service's own ports.
/// Both doors must answer the same, and another tenant's referral must look like one that does not exist.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class RealResourceMatrixTests(BoardsAppFixture boards, ITestOutputHelper output)
{
    private const string A = "san-pedro-del-parana";
    private const string B = "juan-emilio-oleary";
    private const string Reason = "Verificación de la matriz de autorización.";

    // Callers: focal point of A and of B, officer of mspbs (the destination) and of mec (neither side), the integrator
    // (mspbs, national), analyst, admin, an account with no Boards role, an expired token, and no token.
    private static readonly string[] Callers = ["FA", "FB", "O1", "O2", "I", "A", "M", "N", "X", "-"];

    /// <summary>What each caller gets, in HTTP terms (gRPC mapped: OK 200, NotFound 404, PermissionDenied 403, ...).</summary>
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["GET referral"] = "FA=200 FB=404 O1=200 O2=404 I=200 A=200 M=200 N=403 X=401 -=401",
        ["POST referral full-read"] = "FA=200 FB=404 O1=200 O2=404 I=200 A=200 M=200 N=403 X=401 -=401",
        ["POST referral person-record"] = "FA=200 FB=404 O1=200 O2=404 I=200 A=200 M=200 N=403 X=401 -=401",
        ["POST referral accept (stale version)"] = "FA=409 FB=404 O1=409 O2=404 I=409 A=403 M=403 N=403 X=401 -=401",
        ["GET referrals of A"] = "FA=200 FB=403 O1=200 O2=200 I=200 A=200 M=200 N=403 X=401 -=401",
        ["GET board A members"] = "FA=200 FB=403 O1=200 O2=200 I=200 A=200 M=200 N=403 X=401 -=401",
        ["GET monitoring A"] = "FA=200 FB=403 O1=403 O2=403 I=403 A=200 M=200 N=403 X=401 -=401",
        ["gRPC GetReferral"] = "FA=200 FB=404 O1=200 O2=404 I=200 A=200 M=200 N=403 X=401 -=401",
        ["gRPC ReadFullReferral"] = "FA=200 FB=404 O1=200 O2=404 I=200 A=200 M=200 N=403 X=401 -=401",
        ["gRPC GetPersonRecord"] = "FA=200 FB=404 O1=200 O2=404 I=200 A=200 M=200 N=403 X=401 -=401",
        ["gRPC AcceptReferral (stale version)"] = "FA=409 FB=404 O1=409 O2=404 I=409 A=403 M=403 N=403 X=401 -=401",
        ["gRPC ListMembers of A"] = "FA=200 FB=403 O1=200 O2=200 I=200 A=200 M=200 N=403 X=401 -=401",
        ["gRPC GetMunicipality A"] = "FA=200 FB=403 O1=403 O2=403 I=403 A=200 M=200 N=403 X=401 -=401",
    };

    [Fact]
    public async Task Real_resources_answer_each_caller_the_same_through_the_gateway_and_on_the_services_own_ports()
    {
        var admin = await boards.Tokens.ForUser("admin");
        await boards.Http.ExpectJsonAsync(HttpMethod.Post, "/api/boards", admin, [HttpStatusCode.Created, HttpStatusCode.Conflict], new
        {
            municipalityCode = A, resolutionNumber = "Res. 9/2025", resolutionDate = "2025-03-01", chairName = "Intendencia municipal", chairRole = "mayor",
        });
        var focalA = await boards.Tokens.ForUser($"focal.{A}");
        var referral = await boards.Referrals.CreateReferralAsync(Requests.NewReferral(A), BoardsAppFixture.Bearer(focalA));

        var identity = new IdentityAdmin(boards.Http);
        await identity.EnsureUserAsync("sin.rol", new Dictionary<string, string[]> { ["municipality"] = [A] });
        var tokens = new Dictionary<string, string?>
        {
            ["FA"] = focalA, ["FB"] = await boards.Tokens.ForUser($"focal.{B}"),
            ["O1"] = await boards.Tokens.ForUser("officer.mspbs"), ["O2"] = await boards.Tokens.ForUser("officer.mec"),
            ["I"] = await boards.Tokens.ForIntegrator(), ["A"] = await boards.Tokens.ForUser("analyst"), ["M"] = admin,
            ["N"] = await boards.Tokens.ForUser("sin.rol"),
            ["X"] = BadTokens.From(focalA).Single(t => t.Kind == "expired").Token,
            ["-"] = null,
        };
        Assert.True(BadTokens.ProviderKeyFound, "the provider's signing key should be readable to sign an expired token");

        var failures = new List<string>();
        foreach (var direct in new[] { false, true })
        {
            using var referralsGrpc = GrpcChannel.ForAddress(direct ? "http://localhost:6102" : $"http://localhost:{BoardsAppFixture.GatewayGrpcPort}");
            using var membershipGrpc = GrpcChannel.ForAddress(direct ? "http://localhost:6122" : $"http://localhost:{BoardsAppFixture.GatewayGrpcPort}");
            using var monitoringGrpc = GrpcChannel.ForAddress(direct ? "http://localhost:6112" : $"http://localhost:{BoardsAppFixture.GatewayGrpcPort}");
            var referrals = new ReferralService.ReferralServiceClient(referralsGrpc);
            var members = new MembershipGrpc.BoardService.BoardServiceClient(membershipGrpc);
            var monitoring = new MonitoringGrpc.MonitoringService.MonitoringServiceClient(monitoringGrpc);
            string Rest(int port) => direct ? $"http://localhost:{port}" : $"http://localhost:{BoardsAppFixture.GatewayPort}";

            var probes = new Dictionary<string, Func<string?, Task<int>>>(StringComparer.Ordinal)
            {
                ["GET referral"] = token => HttpAsync(HttpMethod.Get, $"{Rest(6101)}/api/referrals/{referral.Id}", token, null),
                ["POST referral full-read"] = token => HttpAsync(HttpMethod.Post, $"{Rest(6101)}/api/referrals/{referral.Id}/full-read", token, new { reason = Reason }),
                ["POST referral person-record"] = token =>
                    HttpAsync(HttpMethod.Post, $"{Rest(6101)}/api/referrals/{referral.Id}/person-record", token, new { reason = Reason }),
                ["POST referral accept (stale version)"] = token =>
                    HttpAsync(HttpMethod.Post, $"{Rest(6101)}/api/referrals/{referral.Id}/accept", token, new { expectedVersion = 999 }),
                ["GET referrals of A"] = token => HttpAsync(HttpMethod.Get, $"{Rest(6101)}/api/referrals?municipalityCode={A}", token, null),
                ["GET board A members"] = token => HttpAsync(HttpMethod.Get, $"{Rest(6121)}/api/boards/{A}/members", token, null),
                ["GET monitoring A"] = token => HttpAsync(HttpMethod.Get, $"{Rest(6111)}/api/monitoring/municipalities/{A}", token, null),
                ["gRPC GetReferral"] = token => GrpcAsync(() => referrals.GetReferralAsync(new GetReferralRequest { Id = referral.Id }, Headers(token)).ResponseAsync),
                ["gRPC ReadFullReferral"] = token => GrpcAsync(() =>
                    referrals.ReadFullReferralAsync(new ReadFullReferralRequest { Id = referral.Id, Reason = Reason }, Headers(token)).ResponseAsync),
                ["gRPC GetPersonRecord"] = token => GrpcAsync(() =>
                    referrals.GetPersonRecordAsync(new GetPersonRecordRequest { Id = referral.Id, Reason = Reason }, Headers(token)).ResponseAsync),
                ["gRPC AcceptReferral (stale version)"] = token => GrpcAsync(() =>
                    referrals.AcceptReferralAsync(new AcceptReferralRequest { Id = referral.Id, ExpectedVersion = 999 }, Headers(token)).ResponseAsync),
                ["gRPC ListMembers of A"] = token => GrpcAsync(() =>
                    members.ListMembersAsync(new MembershipGrpc.ListMembersRequest { MunicipalityCode = A }, Headers(token)).ResponseAsync),
                ["gRPC GetMunicipality A"] = token => GrpcAsync(() =>
                    monitoring.GetMunicipalityAsync(new MonitoringGrpc.GetMunicipalityRequest { Code = A }, Headers(token)).ResponseAsync),
            };

            foreach (var (name, probe) in probes)
            {
                var observed = new StringBuilder();
                foreach (var caller in Callers)
                {
                    observed.Append(observed.Length == 0 ? "" : " ").Append(caller).Append('=').Append(await probe(tokens[caller]));
                }

                var door = direct ? "service port" : "gateway";
                output.WriteLine($"{door,-12} {name,-40} {observed}");
                if (observed.ToString() != Expected[name])
                {
                    failures.Add($"{door} · {name}: expected {Expected[name]}, observed {observed}");
                }
            }
        }

        Assert.True(failures.Count == 0, "Authorization on real resources differs:\n" + string.Join('\n', failures));
        Assert.Equal(ReferralStatus.Requested, (await boards.Referrals.GetReferralAsync(new GetReferralRequest { Id = referral.Id }, BoardsAppFixture.Bearer(focalA))).Status);
    }

    [Fact]
    public async Task A_disabled_account_gets_no_new_token_and_its_refresh_stops()
    {
        var identity = new IdentityAdmin(boards.Http);
        var id = await identity.EnsureUserAsync("focal.deshabilitada", new Dictionary<string, string[]> { ["municipality"] = [A] }, "focal-point");
        var (before, granted) = await identity.PasswordGrantAsync("focal.deshabilitada");
        Assert.Equal(HttpStatusCode.OK, before);

        await identity.DisableAsync(id);

        var (after, refusal) = await identity.PasswordGrantAsync("focal.deshabilitada");
        Assert.Equal(HttpStatusCode.BadRequest, after);
        Assert.Equal("invalid_grant", refusal.GetProperty("error").GetString());
        using var refresh = await boards.Http.PostAsync($"http://localhost:{BoardsAppFixture.IdentityPort}/realms/boards/protocol/openid-connect/token",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token", ["client_id"] = "boards-cli", ["refresh_token"] = granted.GetProperty("refresh_token").GetString()!,
            }));
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        using var userInfo = new HttpRequestMessage(HttpMethod.Get, $"http://localhost:{BoardsAppFixture.IdentityPort}/realms/boards/protocol/openid-connect/userinfo");
        userInfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", granted.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await boards.Http.SendAsync(userInfo)).StatusCode);
    }

    private static Metadata Headers(string? token) => token is null ? [] : BoardsAppFixture.Bearer(token);

    private async Task<int> HttpAsync(HttpMethod method, string url, string? token, object? body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await boards.Http.SendAsync(request);
        return (int)response.StatusCode;
    }

    private static async Task<int> GrpcAsync(Func<Task> call)
    {
        try
        {
            await call();
            return 200;
        }
        catch (RpcException error)
        {
            return error.StatusCode switch
            {
                StatusCode.InvalidArgument => 400,
                StatusCode.Unauthenticated => 401,
                StatusCode.PermissionDenied => 403,
                StatusCode.NotFound => 404,
                StatusCode.Aborted or StatusCode.AlreadyExists or StatusCode.FailedPrecondition => 409,
                _ => 500 + (int)error.StatusCode,
            };
        }
    }
}
