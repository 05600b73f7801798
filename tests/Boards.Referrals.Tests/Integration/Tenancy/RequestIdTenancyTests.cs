namespace Boards.Referrals.Tests.Integration.Tenancy;

/// <summary>
/// Reported: reusing another municipality's request id answered 409 "ya se usó para otra referencia", which told the
/// caller that it exists; and previous_referral_id told "does not exist" apart from "not yours". Request ids belong to
/// the caller, and another tenant's referral answers exactly as one that does not exist.
/// </summary>
[Collection(BatchCollection.Name)]
public sealed class RequestIdTenancyTests(BatchHost host)
{
    private static object Referral(string requestId, string municipality, string origin, string service, string? previous = null) => new
    {
        requestId, municipalityCode = municipality, destinationMunicipalityCode = "pilar", originInstitution = origin,
        destinationInstitution = "mds", serviceCode = service, needCategory = "proteccion-social", priority = "normal",
        reason = "Derivación.", previousReferralId = previous,
        person = new { documentNumber = "4455667", givenNames = "Lucía", familyNames = "Benítez", birthDate = "1988-11-20", sex = "female" },
        consent = new { given = true, givenBy = "la persona" },
    };

    private string NewService()
    {
        var service = BatchRequests.NewServiceCode();
        host.Catalog.Answer(service, BatchRequests.Available);
        return service;
    }

    [Fact]
    public async Task Two_callers_may_use_the_same_request_id_and_each_gets_their_own_referral()
    {
        using var integrator = host.Client(await host.TokenAsync(null, BoardsRoles.Integrator));
        using var focal = host.Client(await host.TokenAsync("yhu", BoardsRoles.FocalPoint));
        var requestId = $"compartido-{Guid.NewGuid():N}";

        var first = await (await integrator.PostJsonAsync("/api/referrals", Referral(requestId, "alto-vera", "mspbs", NewService()))).JsonAsync(HttpStatusCode.Created);
        var second = await (await focal.PostJsonAsync("/api/referrals", Referral(requestId, "yhu", "mds", NewService()))).JsonAsync(HttpStatusCode.Created);
        var replay = await (await focal.PostJsonAsync("/api/referrals", Referral(requestId, "yhu", "mds", second.Str("serviceCode")))).JsonAsync(HttpStatusCode.OK);
        var changed = await (await focal.PostJsonAsync("/api/referrals", Referral(requestId, "yhu", "mds", NewService()))).JsonAsync(HttpStatusCode.Conflict);

        Assert.NotEqual(first.Id(), second.Id());
        Assert.Equal(second.Id(), replay.Id());
        Assert.Contains("Usted ya usó", changed.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_by_another_person_of_the_same_tenant_lands_on_the_same_referral()
    {
        // A service day's referral is sent with the acting person's token; after a timeout another officer may retry it.
        using var first = host.Client(await host.TokenAsync("yhu", BoardsRoles.FocalPoint));
        using var second = host.Client(await host.TokenAsync("yhu", BoardsRoles.FocalPoint, BoardsRoles.MinistryAnalyst));
        var requestId = $"jornada-{Guid.NewGuid():N}";
        var service = NewService();

        var created = await (await first.PostJsonAsync("/api/referrals", Referral(requestId, "yhu", "mds", service))).JsonAsync(HttpStatusCode.Created);
        var retried = await (await second.PostJsonAsync("/api/referrals", Referral(requestId, "yhu", "mds", service))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(created.Id(), retried.Id());
    }

    [Fact]
    public async Task A_previous_referral_of_another_tenant_answers_as_one_that_does_not_exist()
    {
        using var integrator = host.Client(await host.TokenAsync(null, BoardsRoles.Integrator));
        using var focal = host.Client(await host.TokenAsync("yhu", BoardsRoles.FocalPoint));
        var others = await (await integrator.PostJsonAsync("/api/referrals",
            Referral($"ajena-{Guid.NewGuid():N}", "alto-vera", "mspbs", NewService()))).JsonAsync(HttpStatusCode.Created);

        var notYours = await (await focal.PostJsonAsync("/api/referrals",
            Referral($"r-{Guid.NewGuid():N}", "yhu", "mds", NewService(), others.Id().ToString()))).JsonAsync(HttpStatusCode.BadRequest);
        var none = await (await focal.PostJsonAsync("/api/referrals",
            Referral($"r-{Guid.NewGuid():N}", "yhu", "mds", NewService(), Guid.CreateVersion7().ToString()))).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(Errors(none), Errors(notYours));
        Assert.Equal(["previousReferralId"], notYours.ErrorFields());
    }

    private static string Errors(JsonElement problem) => problem.GetProperty("errors").GetRawText();
}
