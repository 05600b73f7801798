using Google.Rpc;
using Grpc.Core.Interceptors;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Tests.Integration.Limits;

/// <summary>
/// Reported: a 5,000-character note on accept, or 2,500 on reject, answered 500 over REST and Unknown over gRPC, and so
/// did the cancel and hold notes, the counter-referral's fields and the consent fields. Every free text has a maximum:
/// over it the answer is 400 / InvalidArgument naming the field, and nothing changes.
/// </summary>
[Collection(BatchCollection.Name)]
public sealed class FreeTextLimitTests(BatchHost host)
{
    private static string Text(int length) => new('ñ', length);

    [Fact]
    public async Task Every_text_field_and_list_of_a_rest_body_declares_its_maximum_in_the_openapi_document()
    {
        using var client = host.Client(null);
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var undeclared = OpenApiLimits.Undeclared(document.RootElement);

        Assert.True(undeclared.Count == 0, string.Join("\n", undeclared));
    }

    [Theory]
    [InlineData("accept", "note", 5000)]
    [InlineData("accept", "note", 2001)]
    [InlineData("hold", "note", 2001)]
    [InlineData("reject", "note", 2500)]
    [InlineData("cancel", "note", 2001)]
    public async Task A_transition_note_over_its_maximum_is_refused_over_rest_naming_the_field(string action, string field, int length)
    {
        var (id, version) = await NewReferralAsync();
        using var destination = host.Client(await host.TokenAsync("pilar", BoardsRoles.FocalPoint));
        object body = action switch
        {
            "reject" => new { reason = "no_capacity", note = Text(length) },
            "cancel" => new { reason = "other", note = Text(length) },
            _ => new { note = Text(length) },
        };
        if (action == "hold")
        {
            await (await destination.PostJsonAsync($"/api/referrals/{id}/accept", new { })).JsonAsync(HttpStatusCode.OK);
            await (await destination.PostJsonAsync($"/api/referrals/{id}/start", new { })).JsonAsync(HttpStatusCode.OK);
            version += 2;
        }

        var problem = await (await destination.PostJsonAsync($"/api/referrals/{id}/{action}", body)).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Contains(field, problem.ErrorFields());
        Assert.Equal(version, await VersionAsync(id));
    }

    [Fact]
    public async Task A_note_of_exactly_its_maximum_is_kept_whole()
    {
        var (id, _) = await NewReferralAsync();
        using var destination = host.Client(await host.TokenAsync("pilar", BoardsRoles.FocalPoint));

        var accepted = await (await destination.PostJsonAsync($"/api/referrals/{id}/accept", new { note = Text(2000) })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(Text(2000), accepted.GetProperty("history").EnumerateArray().Last().Str("note"));
    }

    [Fact]
    public async Task Counter_referral_fields_over_their_maximum_are_refused_over_rest_each_named()
    {
        var (id, _) = await NewReferralAsync();
        using var destination = host.Client(await host.TokenAsync("pilar", BoardsRoles.FocalPoint));
        await (await destination.PostJsonAsync($"/api/referrals/{id}/accept", new { })).JsonAsync(HttpStatusCode.OK);
        var version = await VersionAsync(id);

        var problem = await (await destination.PostJsonAsync($"/api/referrals/{id}/counter-referral", new
        {
            counterReferral = new
            {
                attended = true, outcome = "got_help", notes = Text(4001), followUpRecommended = true, followUpNote = Text(2001),
                answeredBy = Text(201), servicesDelivered = new[] { Text(65) },
            },
        })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Superset(
            new HashSet<string> { "counterReferral.notes", "counterReferral.followUpNote", "counterReferral.answeredBy" },
            problem.ErrorFields().ToHashSet());
        Assert.Equal(version, await VersionAsync(id));
    }

    [Fact]
    public async Task Consent_fields_over_their_maximum_are_refused_over_rest_and_nothing_is_written()
    {
        using var integrator = host.Client(await host.TokenAsync(null, BoardsRoles.Integrator));
        var service = BatchRequests.NewServiceCode();
        host.Catalog.Answer(service, BatchRequests.Available);
        var before = await host.CountWrittenAsync();

        var problem = await (await integrator.PostJsonAsync("/api/referrals", new
        {
            requestId = $"consent-{Guid.NewGuid():N}", municipalityCode = "alto-vera", destinationMunicipalityCode = "pilar",
            originInstitution = "mspbs", destinationInstitution = "mds", serviceCode = service, needCategory = "proteccion-social",
            priority = "normal", reason = "Derivación.",
            person = new { documentNumber = "4455667", givenNames = "Lucía", familyNames = "Benítez", birthDate = "1988-11-20", sex = "female" },
            consent = new { given = false, overridden = true, givenBy = Text(201), overrideJustification = Text(2001) },
        })).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Superset(new HashSet<string> { "consent.givenBy", "consent.overrideJustification" }, problem.ErrorFields().ToHashSet());
        Assert.Equal(before, await host.CountWrittenAsync());
    }

    [Fact]
    public async Task Over_grpc_a_long_note_is_invalid_argument_with_the_field_named_and_nothing_changes()
    {
        var (id, version) = await NewReferralAsync();
        var destination = new Proto.ReferralService.ReferralServiceClient(
            host.Channel().Intercept(new BearerToken(await host.TokenAsync("pilar", BoardsRoles.FocalPoint))));

        var accept = await Assert.ThrowsAsync<RpcException>(() =>
            destination.AcceptReferralAsync(new Proto.AcceptReferralRequest { Id = id, Note = Text(5000) }).ResponseAsync);
        var reject = await Assert.ThrowsAsync<RpcException>(() => destination.RejectReferralAsync(new Proto.RejectReferralRequest
        {
            Id = id, Reason = Proto.RejectionReason.NoCapacity, Note = Text(2500),
        }).ResponseAsync);

        foreach (var refused in new[] { accept, reject })
        {
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
            var badRequest = refused.GetRpcStatus()!.GetDetail<BadRequest>();
            Assert.Equal("note", Assert.Single(badRequest.FieldViolations).Field);
        }

        Assert.Equal(version, await VersionAsync(id));
    }

    [Fact]
    public async Task Over_grpc_counter_referral_and_consent_fields_over_their_maximum_are_each_named()
    {
        var (id, _) = await NewReferralAsync();
        var destination = new Proto.ReferralService.ReferralServiceClient(
            host.Channel().Intercept(new BearerToken(await host.TokenAsync("pilar", BoardsRoles.FocalPoint))));
        await destination.AcceptReferralAsync(new Proto.AcceptReferralRequest { Id = id });

        var counter = await Assert.ThrowsAsync<RpcException>(() => destination.CounterReferAsync(new Proto.CounterReferRequest
        {
            Id = id,
            CounterReferral = new Proto.CounterReferral
            {
                Attended = true, Outcome = Proto.Outcome.GotHelp, Notes = Text(4001), FollowUpRecommended = true, FollowUpNote = Text(2001),
                AnsweredBy = Text(201),
            },
        }).ResponseAsync);
        var integrator = await host.IntegratorClientAsync();
        var item = BatchRequests.Item("x", BatchRequests.NewServiceCode()).Referral;
        item.RequestId = $"consent-{Guid.NewGuid():N}";
        item.Consent = new Proto.Consent { Overridden = true, GivenBy = Text(201), OverrideJustification = Text(2001) };
        var create = await Assert.ThrowsAsync<RpcException>(() => integrator.CreateReferralAsync(item).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, counter.StatusCode);
        Assert.Superset(new HashSet<string> { "counter_referral.notes", "counter_referral.follow_up_note", "counter_referral.answered_by" },
            counter.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToHashSet());
        Assert.Equal(StatusCode.InvalidArgument, create.StatusCode);
        Assert.Superset(new HashSet<string> { "consent.given_by", "consent.override_justification" },
            create.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToHashSet());
    }

    /// <summary>A referral from mspbs in Alto Verá to mds in Pilar, created by the integrator; its id and version.</summary>
    private async Task<(string Id, long Version)> NewReferralAsync()
    {
        var service = BatchRequests.NewServiceCode();
        host.Catalog.Answer(service, BatchRequests.Available);
        var integrator = await host.IntegratorClientAsync();
        var request = BatchRequests.Item("x", service).Referral;
        request.RequestId = $"limits-{Guid.NewGuid():N}";
        var created = await integrator.CreateReferralAsync(request);
        return (created.Id, created.Version);
    }

    private Task<long> VersionAsync(string id) =>
        host.InScopeAsync(services => services.GetRequiredService<ReferralsDbContext>().Referrals.AsNoTracking()
            .Where(r => r.Id == Guid.Parse(id)).Select(r => r.Version).SingleAsync());
}
