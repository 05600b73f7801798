using Google.Rpc;

namespace Boards.EndToEnd.Tests;

/// <summary>Each class of bad input gets its own clear error, over gRPC and REST; never Internal or 500.</summary>
[Collection(BoardsCollection.Name)]
public sealed class BadInputTests(BoardsAppFixture boards)
{
    private async Task<Metadata> Focal() => BoardsAppFixture.Bearer(await boards.Tokens.ForUser("focal.alto-vera"));

    [Fact]
    public async Task Missing_and_invalid_fields_are_invalid_argument_with_every_field_violation()
    {
        var request = Requests.NewReferral();
        request.Priority = Priority.Unspecified;
        request.Person.BirthDate = "12/03/1994";
        request.Person.GivenNames = "";
        request.Consent = new Consent();
        request.NeedCategory = "";

        var error = await Assert.ThrowsAsync<RpcException>(() => boards.Referrals.CreateReferralAsync(request, Focal().Result).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "priority", "person.birth_date", "person.given_names", "consent.given", "need_category" }, fields);
    }

    [Fact]
    public async Task Unknown_reference_codes_are_field_violations_too()
    {
        var request = Requests.NewReferral(destination: "no-existe");
        var error = await Assert.ThrowsAsync<RpcException>(async () => await boards.Referrals.CreateReferralAsync(request, await Focal()));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations, v => v.Field == "destination_institution");
    }

    [Fact]
    public async Task An_illegal_transition_is_failed_precondition_naming_the_current_state()
    {
        var integrator = BoardsAppFixture.Bearer(await boards.Tokens.ForIntegrator());
        var referral = await boards.Referrals.CreateReferralAsync(Requests.NewReferral(), await Focal());

        var error = await Assert.ThrowsAsync<RpcException>(() => boards.Referrals.StartReferralAsync(new StartReferralRequest { Id = referral.Id }, integrator).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("solicitada", error.Status.Detail);
        Assert.Equal("requested", error.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations.Single().Subject);
    }

    [Fact]
    public async Task A_stale_version_is_aborted_and_changes_nothing()
    {
        var integrator = BoardsAppFixture.Bearer(await boards.Tokens.ForIntegrator());
        var referral = await boards.Referrals.CreateReferralAsync(Requests.NewReferral(), await Focal());
        await boards.Referrals.AcceptReferralAsync(new AcceptReferralRequest { Id = referral.Id, ExpectedVersion = referral.Version }, integrator);

        var error = await Assert.ThrowsAsync<RpcException>(() => boards.Referrals.StartReferralAsync(
            new StartReferralRequest { Id = referral.Id, ExpectedVersion = referral.Version }, integrator).ResponseAsync);

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        var current = await boards.Referrals.GetReferralAsync(new GetReferralRequest { Id = referral.Id }, integrator);
        Assert.Equal(ReferralStatus.Accepted, current.Status);
    }

    [Fact]
    public async Task Unknown_ids_are_not_found_and_malformed_ids_are_invalid()
    {
        var focal = await Focal();
        var missing = await Assert.ThrowsAsync<RpcException>(() => boards.Referrals.GetReferralAsync(new GetReferralRequest { Id = Guid.CreateVersion7().ToString() }, focal).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);

        var malformed = await Assert.ThrowsAsync<RpcException>(() => boards.Referrals.GetReferralAsync(new GetReferralRequest { Id = "abc" }, focal).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
    }

    [Fact]
    public async Task No_token_or_a_bad_token_is_unauthenticated()
    {
        var none = await Assert.ThrowsAsync<RpcException>(() => boards.Referrals.GetReferralAsync(new GetReferralRequest { Id = Guid.NewGuid().ToString() }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, none.StatusCode);

        var token = await boards.Tokens.ForUser("focal.alto-vera");
        var tampered = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var bad = await Assert.ThrowsAsync<RpcException>(() => boards.Referrals.GetReferralAsync(
            new GetReferralRequest { Id = Guid.NewGuid().ToString() }, BoardsAppFixture.Bearer(tampered)).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, bad.StatusCode);

        using var rest = await boards.Http.GetAsync("/api/referrals");
        Assert.Equal(HttpStatusCode.Unauthorized, rest.StatusCode);
    }

    [Fact]
    public async Task Rest_answers_bad_input_with_problem_details()
    {
        var token = await boards.Tokens.ForUser("focal.alto-vera");
        using var invalid = new HttpRequestMessage(HttpMethod.Post, "/api/referrals")
        {
            Content = JsonContent.Create(new { requestId = Guid.NewGuid().ToString(), municipalityCode = "alto-vera" }),
        };
        invalid.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var invalidResponse = await boards.Http.SendAsync(invalid);
        Assert.Equal(HttpStatusCode.BadRequest, invalidResponse.StatusCode);
        using var problem = JsonDocument.Parse(await invalidResponse.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("person", out _));
        Assert.True(errors.TryGetProperty("priority", out _));

        using var notFound = new HttpRequestMessage(HttpMethod.Get, $"/api/referrals/{Guid.CreateVersion7()}");
        notFound.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var notFoundResponse = await boards.Http.SendAsync(notFound);
        Assert.Equal(HttpStatusCode.NotFound, notFoundResponse.StatusCode);

        var referral = await boards.Referrals.CreateReferralAsync(Requests.NewReferral(), BoardsAppFixture.Bearer(token));
        using var illegal = new HttpRequestMessage(HttpMethod.Post, $"/api/referrals/{referral.Id}/start") { Content = JsonContent.Create(new { }) };
        illegal.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await boards.Tokens.ForIntegrator());
        using var illegalResponse = await boards.Http.SendAsync(illegal);
        Assert.Equal(HttpStatusCode.Conflict, illegalResponse.StatusCode);
        Assert.Contains("requested", await illegalResponse.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reference_data_is_served_through_the_gateway()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/municipalities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await boards.Tokens.ForUser("analyst"));
        using var response = await boards.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        // Served by Membership (the registry of record) since the registry moved; other tests may add districts.
        var municipalities = await response.Content.ReadFromJsonAsync<List<MunicipalityJson>>();
        Assert.True(municipalities!.Count >= 18);
        Assert.Contains(municipalities, m => m is { Code: "alto-vera", Name: "Alto Verá", Department: "Itapúa" });

        using var institutions = new HttpRequestMessage(HttpMethod.Get, "/api/institutions");
        institutions.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await boards.Tokens.ForUser("analyst"));
        using var institutionsResponse = await boards.Http.SendAsync(institutions);
        var list = await institutionsResponse.Content.ReadFromJsonAsync<List<InstitutionJson>>();
        Assert.Contains(list!, i => i.Code == "mspbs");
        Assert.True(list!.Count >= 11);
    }

    private sealed record MunicipalityJson(string Code, string Name, string Department);

    private sealed record InstitutionJson(string Code, string Name);
}
