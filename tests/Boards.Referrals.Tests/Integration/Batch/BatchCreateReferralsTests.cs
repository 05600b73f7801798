using System.Net.Http.Json;
using System.Text;
using Boards.BuildingBlocks.Outbox;
using Google.Rpc;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Tests.Integration.Batch;

/// <summary>BatchCreateReferrals over gRPC (and its REST twin) with real tokens, PostgreSQL and RabbitMQ: per-item results.</summary>
[Collection(BatchCollection.Name)]
public sealed class BatchCreateReferralsTests(BatchHost host)
{
    private Task<Proto.ReferralService.ReferralServiceClient> IntegratorAsync() => host.IntegratorClientAsync();

    private Task<(int Referrals, int Requested)> CountWrittenAsync() => host.CountWrittenAsync();

    private Task<List<Guid>> RequestedEventsInOutboxAsync(IReadOnlyCollection<string> referralIds) =>
        host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<ReferralsDbContext>();
            var payloads = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.MessageType.Contains("ReferralRequested")).Select(m => m.Payload).ToListAsync();
            return payloads.Select(p => JsonDocument.Parse(p).RootElement.GetProperty("referralId").GetGuid())
                .Where(id => referralIds.Contains(id.ToString())).ToList();
        });

    [Fact]
    public async Task A_mixed_batch_answers_each_item_in_order_and_writes_exactly_the_valid_ones_and_their_events()
    {
        var client = await IntegratorAsync();
        var (available, full, notOffered) = (BatchRequests.NewServiceCode(), BatchRequests.NewServiceCode(), BatchRequests.NewServiceCode());
        host.Catalog.Answer(available, BatchRequests.Available);
        host.Catalog.Answer(full, BatchRequests.Full);
        host.Catalog.Answer(notOffered, BatchRequests.NotOffered(notOffered));
        var first = BatchRequests.NewReferenceId("ok");
        var invalid = BatchRequests.Item(BatchRequests.NewReferenceId("mal"), available);
        invalid.Referral.Person.GivenNames = "";
        invalid.Referral.Person.BirthDate = "20-11-1988";
        var request = new Proto.BatchCreateReferralsRequest
        {
            Items =
            {
                BatchRequests.Item(first, available),
                invalid,
                BatchRequests.Item(BatchRequests.NewReferenceId("ajena"), available, originInstitution: "mds"),
                BatchRequests.Item(BatchRequests.NewReferenceId("sin-oferta"), notOffered),
                BatchRequests.Item(first, full),
                BatchRequests.Item(BatchRequests.NewReferenceId("espera"), full),
                BatchRequests.Item(BatchRequests.NewReferenceId("ok-mismo-par"), available),
            },
        };
        var before = await CountWrittenAsync();
        var calls = host.Catalog.Calls;

        var results = (await client.BatchCreateReferralsAsync(request)).Results;

        Assert.Equal(request.Items.Select(i => i.ReferenceId), results.Select(r => r.ReferenceId));
        Assert.Equal(
            [Proto.BatchReferralResult.OutcomeOneofCase.Referral, Proto.BatchReferralResult.OutcomeOneofCase.Error,
             Proto.BatchReferralResult.OutcomeOneofCase.Error, Proto.BatchReferralResult.OutcomeOneofCase.Error,
             Proto.BatchReferralResult.OutcomeOneofCase.Error, Proto.BatchReferralResult.OutcomeOneofCase.Referral,
             Proto.BatchReferralResult.OutcomeOneofCase.Referral],
            results.Select(r => r.OutcomeCase));

        Assert.Equal("INVALID_ARGUMENT", results[1].Error.Code);
        Assert.Equal(
            [("items[1].referral.person.birth_date", "La fecha de nacimiento debe tener el formato AAAA-MM-DD."),
             ("items[1].referral.person.given_names", "Este campo es obligatorio.")],
            results[1].Error.FieldViolations.Select(v => (v.Field, v.Description)).Order());
        Assert.Equal("PERMISSION_DENIED", results[2].Error.Code);
        Assert.Contains("'mds'", results[2].Error.Message);
        Assert.Equal(("FAILED_PRECONDITION", "SERVICE_NOT_OFFERED", "serviceCode", $"El servicio '{notOffered}' no se ofrece en Pilar."),
            (results[3].Error.Code, results[3].Error.PreconditionType, results[3].Error.PreconditionSubject, results[3].Error.Message));
        Assert.Equal("INVALID_ARGUMENT", results[4].Error.Code);
        Assert.Equal("items[4].reference_id", Assert.Single(results[4].Error.FieldViolations).Field);

        Assert.Equal(Proto.ReferralStatus.Requested, results[0].Referral.Status);
        Assert.False(results[0].Replayed);
        Assert.False(results[0].Referral.Availability.Waitlisted);
        Assert.True(results[5].Referral.Availability.Waitlisted);
        // Three distinct (destination, service) pairs reached the catalog; item 6 shares item 0's pair.
        Assert.Equal(calls + 3, host.Catalog.Calls);

        var created = new[] { results[0], results[5], results[6] }.Select(r => r.Referral.Id).ToList();
        Assert.Equal(3, created.Distinct().Count());
        var after = await CountWrittenAsync();
        Assert.Equal((before.Referrals + 3, before.Requested + 3), after);
        Assert.Equal(created.Order(), (await RequestedEventsInOutboxAsync(created)).Select(id => id.ToString()).Order());
        await ServiceTestHost<Program>.WaitUntilAsync(
            () => Task.FromResult(created.All(id => host.Requested.Any(e => e.ReferralId.ToString() == id))),
            "the three ReferralRequested events on the bus");
        Assert.Equal(3, host.Requested.Count(e => created.Contains(e.ReferralId.ToString())));
    }

    [Fact]
    public async Task A_retried_batch_writes_nothing_new_and_answers_each_item_as_before()
    {
        var client = await IntegratorAsync();
        var (available, notOffered) = (BatchRequests.NewServiceCode(), BatchRequests.NewServiceCode());
        host.Catalog.Answer(available, BatchRequests.Available);
        host.Catalog.Answer(notOffered, BatchRequests.NotOffered(notOffered));
        var request = new Proto.BatchCreateReferralsRequest
        {
            Items =
            {
                BatchRequests.Item(BatchRequests.NewReferenceId("a"), available),
                BatchRequests.Item(BatchRequests.NewReferenceId("b"), available),
                BatchRequests.Item(BatchRequests.NewReferenceId("c"), notOffered),
            },
        };
        var first = (await client.BatchCreateReferralsAsync(request)).Results;
        var written = await CountWrittenAsync();
        var calls = host.Catalog.Calls;

        var again = (await client.BatchCreateReferralsAsync(request)).Results;

        Assert.Equal(written, await CountWrittenAsync());
        Assert.Equal((first[0].Referral.Id, first[1].Referral.Id), (again[0].Referral.Id, again[1].Referral.Id));
        Assert.Equal((false, true, true), (first[0].Replayed, again[0].Replayed, again[1].Replayed));
        Assert.Equal(("FAILED_PRECONDITION", "FAILED_PRECONDITION"), (first[2].Error.Code, again[2].Error.Code));
        // Replayed items do not ask the catalog again; the refused one is checked afresh.
        Assert.Equal(calls + 1, host.Catalog.Calls);

        // The same reference id with other content is a conflict for that item only.
        request.Items[0].Referral.Reason = "Otro motivo.";
        var changed = (await client.BatchCreateReferralsAsync(request)).Results;
        Assert.Equal(("ALREADY_EXISTS", true), (changed[0].Error.Code, changed[1].Replayed));
        Assert.Equal(written, await CountWrittenAsync());
    }

    [Fact]
    public async Task The_same_batch_sent_twice_at_once_creates_each_referral_once()
    {
        var client = await IntegratorAsync();
        var available = BatchRequests.NewServiceCode();
        host.Catalog.Answer(available, BatchRequests.Available);
        var request = new Proto.BatchCreateReferralsRequest();
        request.Items.AddRange(Enumerable.Range(0, 20).Select(i => BatchRequests.Item(BatchRequests.NewReferenceId($"r{i}"), available)));
        var before = await CountWrittenAsync();

        var answers = await Task.WhenAll(client.BatchCreateReferralsAsync(request).ResponseAsync, client.BatchCreateReferralsAsync(request).ResponseAsync);

        Assert.Equal((before.Referrals + 20, before.Requested + 20), await CountWrittenAsync());
        Assert.Equal(answers[0].Results.Select(r => r.Referral.Id), answers[1].Results.Select(r => r.Referral.Id));
    }

    [Fact]
    public async Task A_batch_of_101_items_is_refused_whole_and_nothing_is_written()
    {
        var client = await IntegratorAsync();
        var available = BatchRequests.NewServiceCode();
        host.Catalog.Answer(available, BatchRequests.Available);
        var request = new Proto.BatchCreateReferralsRequest();
        request.Items.AddRange(Enumerable.Range(0, 101).Select(i => BatchRequests.Item(BatchRequests.NewReferenceId($"n{i}"), available)));
        var before = await CountWrittenAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.BatchCreateReferralsAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var violation = Assert.Single(refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal("items", violation.Field);
        Assert.Contains("100", violation.Description);
        Assert.Equal(before, await CountWrittenAsync());
    }

    [Fact]
    public async Task An_empty_batch_is_refused()
    {
        var client = await IntegratorAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.BatchCreateReferralsAsync(new Proto.BatchCreateReferralsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("items", Assert.Single(refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task Without_a_token_the_call_is_unauthenticated_and_nothing_is_written()
    {
        var client = new Proto.ReferralService.ReferralServiceClient(host.Channel());
        var available = BatchRequests.NewServiceCode();
        host.Catalog.Answer(available, BatchRequests.Available);
        var before = await CountWrittenAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.BatchCreateReferralsAsync(
            new Proto.BatchCreateReferralsRequest { Items = { BatchRequests.Item(BatchRequests.NewReferenceId("x"), available) } }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal(before, await CountWrittenAsync());
    }

    [Fact]
    public async Task The_REST_twin_takes_the_same_shape_in_camelCase()
    {
        var available = BatchRequests.NewServiceCode();
        host.Catalog.Answer(available, BatchRequests.Available);
        using var http = host.Client(await host.TokenAsync(null, BoardsRoles.Integrator));
        var valid = BatchRequests.Item(BatchRequests.NewReferenceId("rest"), available).Referral;
        var body = new
        {
            items = new object[]
            {
                new { referenceId = "rest-ok-" + Guid.NewGuid().ToString("N"), referral = RestReferral(valid, valid.Person.GivenNames) },
                new { referenceId = "rest-mal-" + Guid.NewGuid().ToString("N"), referral = RestReferral(valid, "") },
            },
        };

        using var response = await http.PostAsJsonAsync("/api/referrals/batch", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results");

        Assert.Equal("requested", results[0].GetProperty("referral").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, results[0].GetProperty("error").ValueKind);
        var error = results[1].GetProperty("error");
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("code").GetString());
        Assert.Equal("items[1].referral.person.givenNames", Assert.Single(error.GetProperty("fieldViolations").EnumerateArray()).GetProperty("field").GetString());

        using var empty = await http.PostAsJsonAsync("/api/referrals/batch", new { items = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("items", out _));
        using var none = await http.PostAsync("/api/referrals/batch", new StringContent("null", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
    }

    private static object RestReferral(Proto.CreateReferralRequest r, string givenNames) => new
    {
        municipalityCode = r.MunicipalityCode,
        destinationMunicipalityCode = r.DestinationMunicipalityCode,
        originInstitution = r.OriginInstitution,
        destinationInstitution = r.DestinationInstitution,
        serviceCode = r.ServiceCode,
        needCategory = r.NeedCategory,
        priority = "normal",
        reason = r.Reason,
        person = new { documentNumber = r.Person.DocumentNumber, givenNames, familyNames = r.Person.FamilyNames, birthDate = r.Person.BirthDate, sex = "female" },
        consent = new { given = true, givenBy = "la persona" },
    };
}
