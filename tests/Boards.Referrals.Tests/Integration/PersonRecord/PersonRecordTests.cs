using static Boards.Referrals.Tests.Integration.PersonRecord.PersonReferrals;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Tests.Integration.PersonRecord;

/// <summary>
/// Issue 18, the person's record: from a referral, the focal point of the person's municipality and the officers of
/// the institutions involved see every referral of the same person across institutions and municipalities; the
/// ministry with a reason; each opening is in the read audit with its reason.
/// </summary>
[Collection(PersonRecordCollection.Name)]
public sealed class PersonRecordTests(PersonRecordHost host)
{
    [Fact]
    public async Task The_focal_point_of_the_persons_municipality_sees_every_referral_of_the_person_across_institutions_and_municipalities()
    {
        var person = await CreateAsync(host);
        using var focal = host.Client(await host.TokenAsync("alto-vera", BoardsRoles.FocalPoint));

        var record = await (await OpenAsync(focal, person.Open)).JsonAsync(HttpStatusCode.OK);

        var referrals = record.GetProperty("referrals").EnumerateArray().ToList();
        // Newest first, from alto-vera and yhu, and not the other person's.
        Assert.Equal([person.Open, person.Pilar, person.Yhu], referrals.Select(r => r.Id()));
        Assert.Equal((false, 3), (record.GetProperty("truncated").GetBoolean(), record.Int("totalCount")));
        Assert.Equal(person.Open, record.GetProperty("anchorReferralId").GetGuid());
        Assert.Equal(("full", person.Document), (record.Str("personData"), record.GetProperty("person").Str("documentNumber")));
        // One by one, yhu's referral is outside this focal point's scope: the record is what shows it.
        Assert.Equal(HttpStatusCode.NotFound, (await focal.GetAsync($"/api/referrals/{person.Yhu}")).StatusCode);

        var (open, pilar, yhu) = (referrals[0], referrals[1], referrals[2]);
        Assert.Equal(("requested", "alto-vera", "mec"), (open.Str("status"), open.Str("destinationMunicipalityCode"), open.Str("destinationInstitution")));
        Assert.All(new[] { "answeredBy", "acceptedAt", "closedAt", "outcome", "rejectionReason" },
            field => Assert.Equal(JsonValueKind.Null, open.GetProperty(field).ValueKind));
        Assert.Equal(("completed", "got_help", "t-focal-point-pilar", "Lic. Benítez", "svc-record"),
            (pilar.Str("status"), pilar.Str("outcome"), pilar.Str("answeredBy"), pilar.Str("counterReferredBy"), pilar.Str("serviceCode")));
        Assert.True(pilar.GetProperty("attended").GetBoolean());
        Assert.True(pilar.GetProperty("acceptedAt").GetDateTimeOffset() <= pilar.GetProperty("closedAt").GetDateTimeOffset());
        Assert.Equal(("rejected", "no_capacity", "t-focal-point-yhu", "yhu", "mec"),
            (yhu.Str("status"), yhu.Str("rejectionReason"), yhu.Str("answeredBy"), yhu.Str("municipalityCode"), yhu.Str("originInstitution")));
        Assert.Equal(JsonValueKind.Null, yhu.GetProperty("acceptedAt").ValueKind);
        Assert.All(referrals, r =>
        {
            Assert.Equal("full", r.Str("personData"));
            Assert.Equal((person.Document, "0981 555000"), (r.GetProperty("person").Str("documentNumber"), r.GetProperty("person").Str("phone")));
        });

        var opening = Assert.Single(await host.RecordOpeningsAsync(person.Open));
        Assert.Equal((Reason, "full", "rest", "t-focal-point-alto-vera", record.Str("personKey")),
            (opening.Reason, opening.Disclosure, opening.Door, opening.ActorName, opening.PersonKey));
    }

    [Fact]
    public async Task Officers_of_an_involved_institution_open_it_where_they_serve_and_everyone_else_gets_404()
    {
        var person = await CreateAsync(host);
        using var mecInYhu = host.Client(await host.OfficerTokenAsync("mec", "yhu"));
        using var mecInPilar = host.Client(await host.OfficerTokenAsync("mec", "pilar"));
        using var mtess = host.Client(await host.OfficerTokenAsync("mtess", "alto-vera", "yhu", "pilar"));
        using var otherFocal = host.Client(await host.TokenAsync("san-pedro-del-parana", BoardsRoles.FocalPoint));

        var record = await (await OpenAsync(mecInYhu, person.Yhu)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal([person.Open, person.Pilar, person.Yhu], record.GetProperty("referrals").EnumerateArray().Select(r => r.Id()));
        // mec is in the yhu referral (in yhu) and the open one (in alto-vera): each officer only where they serve.
        Assert.Equal(HttpStatusCode.NotFound, (await OpenAsync(mecInYhu, person.Open)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await OpenAsync(mecInPilar, person.Yhu)).StatusCode);
        foreach (var anchor in new[] { person.Yhu, person.Pilar, person.Open })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await OpenAsync(mtess, anchor)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await OpenAsync(otherFocal, anchor)).StatusCode);
        }

        // Another tenant's referral answers exactly as one that does not exist.
        var missing = await (await OpenAsync(otherFocal, Guid.CreateVersion7())).JsonAsync(HttpStatusCode.NotFound);
        var refused = await (await OpenAsync(otherFocal, person.Open)).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(missing.Str("title"), refused.Str("title"));
        Assert.Single(await host.RecordOpeningsAsync(person.Yhu));
        Assert.Empty(await host.RecordOpeningsAsync(person.Open));
        Assert.Empty(await host.RecordOpeningsAsync(person.Pilar));
    }

    [Fact]
    public async Task The_destinations_focal_point_reads_the_referral_but_may_not_open_the_persons_record()
    {
        var person = await CreateAsync(host);
        using var pilarFocal = host.Client(await host.TokenAsync("pilar", BoardsRoles.FocalPoint));
        var grpc = host.GrpcClient(await host.TokenAsync("pilar", BoardsRoles.FocalPoint));

        using var read = await pilarFocal.GetAsync($"/api/referrals/{person.Pilar}");
        var refused = await (await OpenAsync(pilarFocal, person.Pilar)).JsonAsync(HttpStatusCode.Forbidden);
        var overGrpc = await Assert.ThrowsAsync<RpcException>(() =>
            grpc.GetPersonRecordAsync(new Proto.GetPersonRecordRequest { Id = person.Pilar.ToString(), Reason = Reason }).ResponseAsync);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("punto focal del municipio desde el que se la refirió", refused.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(StatusCode.PermissionDenied, overGrpc.StatusCode);
        Assert.Empty(await host.RecordOpeningsAsync(person.Pilar));
    }

    [Fact]
    public async Task The_ministry_opens_it_with_a_reason_and_sees_it_in_full_which_the_audit_keeps_as_full()
    {
        var person = await CreateAsync(host);
        using var analyst = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAnalyst));

        var oneReferral = await (await analyst.GetAsync($"/api/referrals/{person.Pilar}")).JsonAsync(HttpStatusCode.OK);
        var withoutReason = await (await analyst.PostJsonAsync($"/api/referrals/{person.Pilar}/person-record", new { })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Empty(await host.RecordOpeningsAsync(person.Pilar));
        var record = await (await OpenAsync(analyst, person.Pilar)).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("masked", oneReferral.Str("personData")); // a referral read without a reason shows initials
        Assert.Equal(["reason"], withoutReason.ErrorFields());
        Assert.Equal(("full", "Ana María"), (record.Str("personData"), record.GetProperty("person").Str("givenNames")));
        Assert.Equal(3, record.GetProperty("referrals").GetArrayLength());
        Assert.All(record.GetProperty("referrals").EnumerateArray(), r => Assert.Equal(person.Document, r.GetProperty("person").Str("documentNumber")));
        var opening = Assert.Single(await host.RecordOpeningsAsync(person.Pilar));
        Assert.Equal((Reason, "full"), (opening.Reason, opening.Disclosure));
        Assert.Contains(BoardsRoles.MinistryAnalyst, opening.ActorRoles, StringComparison.Ordinal);

        using var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));
        var trail = await (await admin.GetAsync($"/api/referrals/audit?personKey={record.Str("personKey")}&pageSize=200")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(trail.GetProperty("reads").EnumerateArray(), r =>
            r.Str("action") == "person-record" && r.Str("reason") == Reason && r.Str("referralId") == person.Pilar.ToString());
    }

    [Fact]
    public async Task A_record_shows_the_newest_200_referrals_and_says_that_there_are_more()
    {
        var document = NewDocument();
        var integrator = host.GrpcClient(await host.TokenAsync(null, BoardsRoles.Integrator));
        var batches = new List<List<Guid>>();
        foreach (var size in new[] { 100, 100, 1 })
        {
            var request = new Proto.BatchCreateReferralsRequest();
            for (var i = 0; i < size; i++)
            {
                var item = BatchRequests.Item(BatchRequests.NewReferenceId("record"), "svc-record");
                item.Referral.Person.DocumentNumber = document;
                request.Items.Add(item);
            }

            var response = await integrator.BatchCreateReferralsAsync(request);
            batches.Add([.. response.Results.Select(result => Guid.Parse(result.Referral.Id))]);
        }

        using var focal = host.Client(await host.TokenAsync("alto-vera", BoardsRoles.FocalPoint));
        var record = await (await OpenAsync(focal, batches[0][0])).JsonAsync(HttpStatusCode.OK);

        var shown = record.GetProperty("referrals").EnumerateArray().Select(r => r.Id()).ToList();
        Assert.Equal((true, 201, 200), (record.GetProperty("truncated").GetBoolean(), record.Int("totalCount"), shown.Count));
        Assert.Equal(batches[2][0], shown[0]);
        Assert.Superset(batches[1].ToHashSet(), shown.ToHashSet());
        Assert.Equal(99, batches[0].Count(shown.Contains));
        Assert.Single(await host.RecordOpeningsAsync(batches[0][0]));
    }
}
