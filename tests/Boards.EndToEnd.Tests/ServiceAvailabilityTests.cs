using Google.Rpc;
using Npgsql;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Referrals ask the needs service's offer catalog over gRPC, with the caller's own token, before creating a referral:
/// a service the destination does not offer is refused, a full one goes through flagged waitlisted, and while the needs
/// service is stopped referrals still go through, marked not verified.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class ServiceAvailabilityTests(BoardsAppFixture boards)
{
    private const string Municipality = "alto-vera";

    private async Task<Metadata> Focal() => BoardsAppFixture.Bearer(await boards.Tokens.ForUser($"focal.{Municipality}"));

    private static CreateReferralRequest For(string serviceCode)
    {
        var request = Requests.NewReferral(Municipality);
        request.ServiceCode = serviceCode;
        return request;
    }

    [Fact]
    public async Task A_service_the_destination_does_not_offer_is_refused_over_grpc_and_rest_and_nothing_is_created()
    {
        var code = $"no-ofrecido-{Guid.NewGuid().ToString("N")[..8]}";
        var expected = $"El servicio '{code}' no se ofrece en Alto Verá.";

        var error = await Assert.ThrowsAsync<RpcException>(async () => await boards.Referrals.CreateReferralAsync(For(code), await Focal()));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(expected, error.Status.Detail);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(("SERVICE_NOT_OFFERED", "serviceCode"), (violation.Type, violation.Subject));

        using var rest = await PostReferralAsync(For(code), await boards.Tokens.ForUser($"focal.{Municipality}"));
        Assert.Equal(HttpStatusCode.Conflict, rest.StatusCode);
        using var problem = JsonDocument.Parse(await rest.Content.ReadAsStringAsync());
        Assert.Equal(expected, problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(code, problem.RootElement.GetProperty("serviceCode").GetString());

        Assert.Equal(0, await ReferralsWithServiceAsync(code));
    }

    [Fact]
    public async Task A_full_service_is_sent_waitlisted_with_a_warning_and_an_available_one_verified()
    {
        var code = $"usf-llena-{Guid.NewGuid().ToString("N")[..8]}";
        var admin = await boards.Tokens.ForUser("admin");
        var (status, body) = await OfferSetup.OfferAsync(boards.Http, admin, Municipality, OfferSetup.Service(code, capacityStatus: "full"));
        Assert.True(status == HttpStatusCode.Created, body);

        var full = await boards.Referrals.CreateReferralAsync(For(code), await Focal());

        Assert.Equal(ReferralStatus.Requested, full.Status);
        Assert.Equal(AvailabilityVerification.Verified, full.Availability.Verification);
        Assert.Equal(("full", true), (full.Availability.CapacityStatus, full.Availability.Waitlisted));
        Assert.Contains("no tiene cupo este mes en Alto Verá", full.Availability.Message, StringComparison.Ordinal);
        Assert.Contains("lista de espera", full.Availability.Message, StringComparison.Ordinal);

        using var rest = await PostReferralAsync(For(code), await boards.Tokens.ForUser($"focal.{Municipality}"));
        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        var availability = (await rest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("availability");
        Assert.Equal("verified", availability.GetProperty("verification").GetString());
        Assert.True(availability.GetProperty("waitlisted").GetBoolean());
        Assert.Equal("full", availability.GetProperty("capacityStatus").GetString());

        var available = await boards.Referrals.CreateReferralAsync(For(OfferSetup.PrimaryCare), await Focal());
        Assert.Equal(AvailabilityVerification.Verified, available.Availability.Verification);
        Assert.Equal(("available", false), (available.Availability.CapacityStatus, available.Availability.Waitlisted));
    }

    [Trait(BoardsAppFixture.ShapeTrait, BoardsAppFixture.ServicesShapeOnly)] // stops one module alone: not possible in one process
    [Fact]
    public async Task While_needs_is_stopped_referrals_still_go_through_marked_not_verified()
    {
        var focalToken = await boards.Tokens.ForUser($"focal.{Municipality}");
        await boards.StopServiceAsync("needs", BoardsAppFixture.NeedsGrpcPort);
        try
        {
            var overGrpc = await boards.Referrals.CreateReferralAsync(For(OfferSetup.PrimaryCare), BoardsAppFixture.Bearer(focalToken));
            Assert.Equal(ReferralStatus.Requested, overGrpc.Status);
            Assert.Equal(AvailabilityVerification.NotVerified, overGrpc.Availability.Verification);
            Assert.False(overGrpc.Availability.Waitlisted);
            Assert.Contains("sin verificar", overGrpc.Availability.Message, StringComparison.Ordinal);

            // Even a service the catalog would refuse: nobody can tell while it is down, and nobody is blocked.
            using var rest = await PostReferralAsync(For($"desconocido-{Guid.NewGuid().ToString("N")[..8]}"), focalToken);
            Assert.True(rest.StatusCode == HttpStatusCode.Created, await rest.Content.ReadAsStringAsync());
            var availability = (await rest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("availability");
            Assert.Equal("not_verified", availability.GetProperty("verification").GetString());
        }
        finally
        {
            await boards.RestartServiceAsync("needs");
        }

        // Back up: the next referral is verified again.
        var after = await Eventually.Until(
            async () => await boards.Referrals.CreateReferralAsync(For(OfferSetup.PrimaryCare), BoardsAppFixture.Bearer(focalToken)),
            r => r.Availability.Verification == AvailabilityVerification.Verified, what: "referrals to verify against needs again");
        Assert.Equal("available", after.Availability.CapacityStatus);
    }

    private async Task<HttpResponseMessage> PostReferralAsync(CreateReferralRequest request, string token)
    {
        var body = new
        {
            requestId = Guid.NewGuid().ToString(),
            municipalityCode = request.MunicipalityCode,
            originInstitution = request.OriginInstitution,
            destinationInstitution = request.DestinationInstitution,
            serviceCode = request.ServiceCode,
            needCategory = request.NeedCategory,
            priority = "normal",
            reason = request.Reason,
            person = new
            {
                documentNumber = request.Person.DocumentNumber,
                givenNames = request.Person.GivenNames,
                familyNames = request.Person.FamilyNames,
                birthDate = request.Person.BirthDate,
                sex = "female",
            },
            consent = new { given = true, givenBy = "la persona" },
        };
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/referrals") { Content = JsonContent.Create(body) };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await boards.Http.SendAsync(message);
    }

    private static async Task<long> ReferralsWithServiceAsync(string serviceCode)
    {
        await using var connection = new NpgsqlConnection(BoardsAppFixture.ReferralsDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM referrals WHERE "ServiceCode" = @code""", connection);
        command.Parameters.AddWithValue("code", serviceCode);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
