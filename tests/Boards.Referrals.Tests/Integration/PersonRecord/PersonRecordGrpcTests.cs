using Google.Rpc;
using static Boards.Referrals.Tests.Integration.PersonRecord.PersonReferrals;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Tests.Integration.PersonRecord;

/// <summary>Integrators get the same record over gRPC (GetPersonRecord), with the same scope and audit.</summary>
[Collection(PersonRecordCollection.Name)]
public sealed class PersonRecordGrpcTests(PersonRecordHost host)
{
    [Fact]
    public async Task An_integrator_of_an_involved_institution_gets_the_record_over_grpc_and_the_opening_is_audited()
    {
        var person = await CreateAsync(host);
        var integrator = host.GrpcClient(await host.TokenAsync(null, BoardsRoles.Integrator)); // mspbs, national

        var record = await integrator.GetPersonRecordAsync(new Proto.GetPersonRecordRequest { Id = person.Pilar.ToString(), Reason = Reason });
        // mspbs is in neither side of the yhu referral: that one does not open the record.
        var outside = await Assert.ThrowsAsync<RpcException>(() =>
            integrator.GetPersonRecordAsync(new Proto.GetPersonRecordRequest { Id = person.Yhu.ToString(), Reason = Reason }).ResponseAsync);

        Assert.Equal([person.Open, person.Pilar, person.Yhu], record.Referrals.Select(r => Guid.Parse(r.Id)));
        Assert.Equal((person.Pilar.ToString(), false, 3), (record.AnchorReferralId, record.Truncated, record.TotalCount));
        Assert.Equal((Proto.PersonData.Full, person.Document, "1990-03-15"), (record.PersonData, record.Person.DocumentNumber, record.Person.BirthDate));
        var (open, pilar, yhu) = (record.Referrals[0], record.Referrals[1], record.Referrals[2]);
        Assert.Equal((Proto.ReferralStatus.Requested, "", null, Proto.Outcome.Unspecified),
            (open.Status, open.AnsweredBy, open.AcceptedAt, open.Outcome));
        Assert.Equal((Proto.ReferralStatus.Completed, Proto.Outcome.GotHelp, true, "t-focal-point-pilar", "Lic. Benítez"),
            (pilar.Status, pilar.Outcome, pilar.Attended, pilar.AnsweredBy, pilar.CounterReferredBy));
        Assert.NotNull(pilar.AcceptedAt);
        Assert.NotNull(pilar.ClosedAt);
        Assert.Equal((Proto.ReferralStatus.Rejected, Proto.RejectionReason.NoCapacity, "t-focal-point-yhu", "yhu"),
            (yhu.Status, yhu.RejectionReason, yhu.AnsweredBy, yhu.MunicipalityCode));
        Assert.All(record.Referrals, r => Assert.Equal((Proto.PersonData.Full, person.Document), (r.PersonData, r.Person.DocumentNumber)));
        Assert.Equal(StatusCode.NotFound, outside.StatusCode);

        var opening = Assert.Single(await host.RecordOpeningsAsync(person.Pilar));
        Assert.Equal((Reason, "full", "grpc", record.PersonKey), (opening.Reason, opening.Disclosure, opening.Door, opening.PersonKey));
        Assert.Contains(BoardsRoles.Integrator, opening.ActorRoles, StringComparison.Ordinal);
        Assert.Empty(await host.RecordOpeningsAsync(person.Yhu));
    }

    [Fact]
    public async Task Over_grpc_a_missing_short_or_long_reason_or_a_bad_id_is_invalid_argument_naming_the_field()
    {
        var person = await CreateAsync(host);
        var integrator = host.GrpcClient(await host.TokenAsync(null, BoardsRoles.Integrator));
        var anchor = person.Open.ToString();
        var cases = new (string Id, string Reason, string Field)[]
        {
            (anchor, "", "reason"),
            (anchor, "corto", "reason"),
            (anchor, new string(' ', 40), "reason"),
            (anchor, new string('m', 501), "reason"),
            ("no-es-un-id", Reason, "id"),
            ("", Reason, "id"),
            (new string('1', 65), Reason, "id"),
        };

        foreach (var (id, reason, field) in cases)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() =>
                integrator.GetPersonRecordAsync(new Proto.GetPersonRecordRequest { Id = id, Reason = reason }).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
            Assert.Equal(field, Assert.Single(refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        }

        var anonymous = new Proto.ReferralService.ReferralServiceClient(host.Channel());
        var unauthenticated = await Assert.ThrowsAsync<RpcException>(() =>
            anonymous.GetPersonRecordAsync(new Proto.GetPersonRecordRequest { Id = anchor, Reason = Reason }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, unauthenticated.StatusCode);
        Assert.Empty(await host.RecordOpeningsAsync(person.Open));
    }

    [Fact]
    public async Task Over_rest_a_missing_short_or_long_reason_or_a_bad_id_is_400_naming_the_field_and_nothing_is_audited()
    {
        var person = await CreateAsync(host);
        using var focal = host.Client(await host.TokenAsync("alto-vera", BoardsRoles.FocalPoint));
        var url = $"/api/referrals/{person.Open}/person-record";

        using var noBody = await focal.PostAsync(url, null);
        var refusals = new List<JsonElement> { await noBody.JsonAsync(HttpStatusCode.BadRequest) };
        foreach (var body in new object[] { new { }, new { reason = "" }, new { reason = new string(' ', 40) }, new { reason = "corto" }, new { reason = new string('m', 501) } })
        {
            refusals.Add(await (await focal.PostJsonAsync(url, body)).JsonAsync(HttpStatusCode.BadRequest));
        }

        var badId = await (await focal.PostJsonAsync("/api/referrals/no-es-un-id/person-record", new { reason = Reason })).JsonAsync(HttpStatusCode.BadRequest);
        using var anonymous = host.Client(null);
        using var unauthenticated = await OpenAsync(anonymous, person.Open);

        Assert.All(refusals, problem => Assert.Equal(["reason"], problem.ErrorFields()));
        Assert.Contains("al menos 10 caracteres", refusals[0].GetProperty("errors").GetProperty("reason")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["id"], badId.ErrorFields());
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Empty(await host.RecordOpeningsAsync(person.Open));

        // The longest reason is kept whole.
        var longest = new string('m', 500);
        await (await OpenAsync(focal, person.Open, longest)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(longest, Assert.Single(await host.RecordOpeningsAsync(person.Open)).Reason);
    }
}
