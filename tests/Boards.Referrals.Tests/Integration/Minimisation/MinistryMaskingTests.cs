using Grpc.Core.Interceptors;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Tests.Integration.Minimisation;

/// <summary>
/// Reported: ministry analysts read every person's data. The ministry sees referrals without direct identifiers
/// (initials; no document, phone or birth date) and opens a full record only by stating a reason, which the read
/// audit keeps. The parties of a referral see it whole.
/// </summary>
[Collection(BatchCollection.Name)]
public sealed class MinistryMaskingTests(BatchHost host)
{
    private const string Reason = "Reclamo formal de la persona ante el Ministerio (expediente 123/2026).";

    [Fact]
    public async Task The_ministry_reads_initials_over_rest_and_grpc_and_the_parties_read_everything()
    {
        var (id, personKey) = await NewReferralAsync();
        using var analyst = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAnalyst));
        using var destination = host.Client(await host.TokenAsync("pilar", BoardsRoles.FocalPoint));

        var masked = await (await analyst.GetAsync($"/api/referrals/{id}")).JsonAsync(HttpStatusCode.OK);
        var listed = (await (await analyst.GetAsync("/api/referrals?municipalityCode=pilar&pageSize=200")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("referrals").EnumerateArray().Single(r => r.Id() == id);
        var full = await (await destination.GetAsync($"/api/referrals/{id}")).JsonAsync(HttpStatusCode.OK);

        foreach (var view in new[] { masked, listed })
        {
            Assert.Equal("masked", view.Str("personData"));
            var person = view.GetProperty("person");
            Assert.Equal("L.", person.Str("givenNames"));
            Assert.Equal("B.", person.Str("familyNames"));
            Assert.Equal(JsonValueKind.Null, person.GetProperty("documentNumber").ValueKind);
            Assert.Equal(JsonValueKind.Null, person.GetProperty("birthDate").ValueKind);
            Assert.Equal(JsonValueKind.Null, person.GetProperty("phone").ValueKind);
            Assert.Equal(JsonValueKind.Null, view.GetProperty("consent").GetProperty("givenBy").ValueKind);
            Assert.Equal(personKey, view.Str("personKey"));
        }

        Assert.Equal("full", full.Str("personData"));
        Assert.Equal("4455667", full.GetProperty("person").Str("documentNumber"));
        Assert.Equal("Lucía", full.GetProperty("person").Str("givenNames"));

        var grpc = await GrpcAsync(BoardsRoles.MinistryAdmin);
        var overGrpc = await grpc.GetReferralAsync(new Proto.GetReferralRequest { Id = id.ToString() });
        Assert.Equal(Proto.PersonData.Masked, overGrpc.PersonData);
        Assert.Equal(("", "", "", "L.", ""), (overGrpc.Person.DocumentNumber, overGrpc.Person.BirthDate, overGrpc.Person.Phone,
            overGrpc.Person.GivenNames, overGrpc.Consent.GivenBy));

        var reads = await ReadsAsync(id);
        Assert.Contains(reads, r => r is { Action: "get", Disclosure: "masked", Door: "rest" });
        Assert.Contains(reads, r => r is { Action: "get", Disclosure: "masked", Door: "grpc" });
        Assert.Contains(reads, r => r is { Action: "get", Disclosure: "full" });
    }

    [Fact]
    public async Task A_full_record_needs_a_reason_which_the_read_audit_keeps_over_rest_and_grpc()
    {
        var (id, _) = await NewReferralAsync();
        using var analyst = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAnalyst));

        var none = await (await analyst.PostJsonAsync($"/api/referrals/{id}/full-read", new { })).JsonAsync(HttpStatusCode.BadRequest);
        var tooShort = await (await analyst.PostJsonAsync($"/api/referrals/{id}/full-read", new { reason = "porque" })).JsonAsync(HttpStatusCode.BadRequest);
        var tooLong = await (await analyst.PostJsonAsync($"/api/referrals/{id}/full-read", new { reason = new string('m', 501) })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.DoesNotContain(await ReadsAsync(id), r => r.Action == "full-read");

        var full = await (await analyst.PostJsonAsync($"/api/referrals/{id}/full-read", new { reason = Reason })).JsonAsync(HttpStatusCode.OK);
        var grpc = await GrpcAsync(BoardsRoles.MinistryAdmin);
        var overGrpc = await grpc.ReadFullReferralAsync(new Proto.ReadFullReferralRequest { Id = id.ToString(), Reason = Reason });
        var grpcWithout = await Assert.ThrowsAsync<RpcException>(() =>
            grpc.ReadFullReferralAsync(new Proto.ReadFullReferralRequest { Id = id.ToString() }).ResponseAsync);

        Assert.All(new[] { none, tooShort, tooLong }, problem => Assert.Equal(["reason"], problem.ErrorFields()));
        Assert.Equal("full", full.Str("personData"));
        Assert.Equal("4455667", full.GetProperty("person").Str("documentNumber"));
        Assert.Equal("1988-11-20", full.GetProperty("person").Str("birthDate"));
        Assert.Equal(Proto.PersonData.Full, overGrpc.PersonData);
        Assert.Equal("Lucía", overGrpc.Person.GivenNames);
        Assert.Equal(StatusCode.InvalidArgument, grpcWithout.StatusCode);

        var reasoned = (await ReadsAsync(id)).Where(r => r.Action == "full-read").ToList();
        Assert.Equal(2, reasoned.Count);
        Assert.All(reasoned, r => Assert.Equal((Reason, "full"), (r.Reason, r.Disclosure)));
        Assert.Contains(reasoned, r => r.Door == "rest");
        Assert.Contains(reasoned, r => r.Door == "grpc");

        using var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));
        var trail = await (await admin.GetAsync($"/api/referrals/audit?personKey={full.Str("personKey")}&pageSize=200")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(trail.GetProperty("reads").EnumerateArray(), r => r.Str("reason") == Reason && r.Str("disclosure") == "full");
    }

    [Fact]
    public async Task A_reason_opens_nothing_outside_the_callers_scope()
    {
        var (id, _) = await NewReferralAsync();
        using var otherFocal = host.Client(await host.TokenAsync("yhu", BoardsRoles.FocalPoint));

        using var refused = await otherFocal.PostJsonAsync($"/api/referrals/{id}/full-read", new { reason = Reason });
        using var missing = await otherFocal.PostJsonAsync($"/api/referrals/{Guid.CreateVersion7()}/full-read", new { reason = Reason });

        // Another tenant's referral answers exactly as one that does not exist.
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.DoesNotContain(await ReadsAsync(id), r => r.Action == "full-read");
    }

    private async Task<Proto.ReferralService.ReferralServiceClient> GrpcAsync(string role) =>
        new(host.Channel().Intercept(new BearerToken(await host.TokenAsync(null, role))));

    /// <summary>A referral from mspbs in Alto Verá to mds in Pilar, created by the integrator: its id and person key.</summary>
    private async Task<(Guid Id, string PersonKey)> NewReferralAsync()
    {
        var service = BatchRequests.NewServiceCode();
        host.Catalog.Answer(service, BatchRequests.Available);
        var request = BatchRequests.Item("x", service).Referral;
        request.RequestId = $"mask-{Guid.NewGuid():N}";
        request.Person.Phone = "0981 123456";
        var created = await (await host.IntegratorClientAsync()).CreateReferralAsync(request);
        return (Guid.Parse(created.Id), created.PersonKey);
    }

    private Task<List<PersonalDataRead>> ReadsAsync(Guid referralId) =>
        host.InScopeAsync(services => services.GetRequiredService<ReferralsDbContext>().Set<PersonalDataRead>().AsNoTracking()
            .Where(r => r.ReferralId == referralId).ToListAsync());
}
