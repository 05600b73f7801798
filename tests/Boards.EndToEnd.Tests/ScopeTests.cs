using Boards.Monitoring.Contracts.Grpc;

namespace Boards.EndToEnd.Tests;

/// <summary>Every refusal of the scope rules, through the gateway with real tokens.</summary>
[Collection(BoardsCollection.Name)]
public sealed class ScopeTests(BoardsAppFixture boards)
{
    private async Task<Referral> AltoVeraReferralToMspbs() =>
        await boards.Referrals.CreateReferralAsync(Requests.NewReferral("alto-vera"), BoardsAppFixture.Bearer(await boards.Tokens.ForUser("focal.alto-vera")));

    private static async Task AssertDenied(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    /// <summary>Another tenant's referral answers as one that does not exist.</summary>
    private static async Task AssertUnknown(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_focal_point_of_another_municipality_cannot_read_list_or_watch_its_referrals()
    {
        var referral = await AltoVeraReferralToMspbs();
        var pilar = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("focal.pilar"));

        await AssertUnknown(() => boards.Referrals.GetReferralAsync(new GetReferralRequest { Id = referral.Id }, pilar).ResponseAsync);
        await AssertDenied(() => boards.Referrals.ListReferralsAsync(new ListReferralsRequest { MunicipalityCode = "alto-vera" }, pilar).ResponseAsync);
        var own = await boards.Referrals.ListReferralsAsync(new ListReferralsRequest { PageSize = 200 }, pilar);
        Assert.DoesNotContain(own.Referrals, r => r.Id == referral.Id);

        using var watch = boards.Referrals.WatchReferrals(new WatchReferralsRequest { MunicipalityCode = "alto-vera" }, pilar);
        await AssertDenied(() => watch.ResponseStream.MoveNext(CancellationToken.None));
    }

    [Fact]
    public async Task A_focal_point_cannot_send_a_referral_for_another_municipality()
    {
        var pilar = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("focal.pilar"));
        await AssertDenied(() => boards.Referrals.CreateReferralAsync(Requests.NewReferral("alto-vera"), pilar).ResponseAsync);
    }

    [Fact]
    public async Task An_officer_cannot_send_for_another_institution_nor_override_consent()
    {
        var mec = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("officer.mec"));
        await AssertDenied(() => boards.Referrals.CreateReferralAsync(Requests.NewReferral("alto-vera", origin: "mds"), mec).ResponseAsync);

        var withoutConsent = Requests.NewReferral("alto-vera", origin: "mec");
        withoutConsent.Consent = new Consent { Given = false, Overridden = true, OverrideJustification = "Riesgo inminente" };
        await AssertDenied(() => boards.Referrals.CreateReferralAsync(withoutConsent, mec).ResponseAsync);
    }

    [Fact]
    public async Task Only_the_destination_side_accepts_and_the_ministry_reads_but_changes_nothing()
    {
        var referral = await AltoVeraReferralToMspbs();
        var mec = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("officer.mec"));
        var analyst = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("analyst"));
        var admin = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("admin"));
        var origin = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("officer.municipalidad"));

        await AssertUnknown(() => boards.Referrals.AcceptReferralAsync(new AcceptReferralRequest { Id = referral.Id }, mec).ResponseAsync);
        await AssertUnknown(() => boards.Referrals.GetReferralAsync(new GetReferralRequest { Id = referral.Id }, mec).ResponseAsync);
        await AssertDenied(() => boards.Referrals.AcceptReferralAsync(new AcceptReferralRequest { Id = referral.Id }, origin).ResponseAsync);
        await AssertDenied(() => boards.Referrals.AcceptReferralAsync(new AcceptReferralRequest { Id = referral.Id }, analyst).ResponseAsync);
        await AssertDenied(() => boards.Referrals.CancelReferralAsync(
            new CancelReferralRequest { Id = referral.Id, Reason = CancellationReason.EnteredInError, Note = "x" }, admin).ResponseAsync);

        var read = await boards.Referrals.GetReferralAsync(new GetReferralRequest { Id = referral.Id }, analyst);
        Assert.Equal(ReferralStatus.Requested, read.Status);
    }

    [Fact]
    public async Task Monitoring_is_for_the_ministry_and_each_focal_point_sees_only_its_municipality()
    {
        var pilar = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("focal.pilar"));
        var officer = BoardsAppFixture.Bearer(await boards.Tokens.ForUser("officer.mspbs"));
        var integrator = BoardsAppFixture.Bearer(await boards.Tokens.ForIntegrator());

        await AssertDenied(() => boards.Monitoring.GetMunicipalityAsync(new GetMunicipalityRequest { Code = "alto-vera" }, pilar).ResponseAsync);
        await AssertDenied(() => boards.Monitoring.ListMunicipalitiesAsync(new ListMunicipalitiesRequest(), officer).ResponseAsync);
        await AssertDenied(() => boards.Monitoring.ListMunicipalitiesAsync(new ListMunicipalitiesRequest(), integrator).ResponseAsync);
        var own = await boards.Monitoring.GetMunicipalityAsync(new GetMunicipalityRequest { Code = "pilar" }, pilar);
        Assert.Equal("pilar", own.Code);
    }

    [Fact]
    public async Task Rest_answers_another_municipalitys_referral_exactly_as_one_that_does_not_exist()
    {
        var referral = await AltoVeraReferralToMspbs();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/referrals/{referral.Id}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await boards.Tokens.ForUser("focal.pilar"));
        using var response = await boards.Http.SendAsync(request);
        using var missing = new HttpRequestMessage(HttpMethod.Get, $"/api/referrals/{Guid.CreateVersion7()}");
        missing.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await boards.Tokens.ForUser("focal.pilar"));
        using var missingResponse = await boards.Http.SendAsync(missing);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missingResponse.StatusCode);
        Assert.Equal(Title(await missingResponse.Content.ReadAsStringAsync()), Title(await response.Content.ReadAsStringAsync()));

        using var monitoring = new HttpRequestMessage(HttpMethod.Get, "/api/monitoring/municipalities/alto-vera");
        monitoring.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await boards.Tokens.ForUser("focal.pilar"));
        using var monitoringResponse = await boards.Http.SendAsync(monitoring);
        Assert.Equal(HttpStatusCode.Forbidden, monitoringResponse.StatusCode);
    }

    private static string? Title(string problem) => System.Text.Json.JsonDocument.Parse(problem).RootElement.GetProperty("title").GetString();
}
