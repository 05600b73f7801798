namespace Boards.Referrals.Tests.Integration.PersonRecord;

/// <summary>
/// One person (a document number of their own) with three referrals, oldest first, plus another person's referral:
/// <list type="bullet">
/// <item><see cref="Yhu"/>: from yhu, mec to mds in yhu, sent and rejected (no_capacity) by yhu's focal point.</item>
/// <item><see cref="Pilar"/>: from alto-vera, mspbs to mds in pilar, sent by the integrator, accepted and counter-referred
/// (attended, got_help, answered by "Lic. Benítez") by pilar's focal point.</item>
/// <item><see cref="Open"/>: from alto-vera, mspbs to mec in alto-vera, sent by the integrator, still requested.</item>
/// <item><see cref="OtherPerson"/>: the Open referral's twin for another person.</item>
/// </list>
/// </summary>
internal sealed record PersonReferrals(string Document, Guid Yhu, Guid Pilar, Guid Open, Guid OtherPerson)
{
    public const string Reason = "Seguimiento del caso en la mesa de protección social (acta 12/2026).";

    public static string NewDocument() => Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<PersonReferrals> CreateAsync(PersonRecordHost host)
    {
        var document = NewDocument();
        using var yhuFocal = host.Client(await host.TokenAsync("yhu", BoardsRoles.FocalPoint));
        using var pilarFocal = host.Client(await host.TokenAsync("pilar", BoardsRoles.FocalPoint));
        using var integrator = host.Client(await host.TokenAsync(null, BoardsRoles.Integrator));

        var yhu = await SendAsync(yhuFocal, Referral(document, "yhu", "yhu", "mec", "mds"));
        await (await yhuFocal.PostJsonAsync($"/api/referrals/{yhu}/reject", new { reason = "no_capacity" })).JsonAsync(HttpStatusCode.OK);

        var pilar = await SendAsync(integrator, Referral(document, "alto-vera", "pilar", "mspbs", "mds"));
        await (await pilarFocal.PostJsonAsync($"/api/referrals/{pilar}/accept", new { })).JsonAsync(HttpStatusCode.OK);
        await (await pilarFocal.PostJsonAsync($"/api/referrals/{pilar}/counter-referral", new
        {
            counterReferral = new
            {
                attended = true, attendedOn = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                outcome = "got_help", answeredBy = "Lic. Benítez",
            },
        })).JsonAsync(HttpStatusCode.OK);

        var open = await SendAsync(integrator, Referral(document, "alto-vera", "alto-vera", "mspbs", "mec"));
        var other = await SendAsync(integrator, Referral(NewDocument(), "alto-vera", "alto-vera", "mspbs", "mec"));
        return new PersonReferrals(document, yhu, pilar, open, other);
    }

    /// <summary>Opens the person's record from <paramref name="anchor"/> over REST.</summary>
    public static Task<HttpResponseMessage> OpenAsync(HttpClient client, Guid anchor, string? reason = Reason) =>
        client.PostJsonAsync($"/api/referrals/{anchor}/person-record", new { reason });

    public static object Referral(string document, string from, string to, string origin, string destination) => new
    {
        requestId = $"record-{Guid.NewGuid():N}", municipalityCode = from, destinationMunicipalityCode = to,
        originInstitution = origin, destinationInstitution = destination, serviceCode = "svc-record", needCategory = "proteccion-social",
        priority = "normal", reason = "Derivación.",
        person = new
        {
            documentNumber = document, givenNames = "Ana María", familyNames = "Gómez Ruiz", birthDate = "1990-03-15", sex = "female",
            phone = "0981 555000",
        },
        consent = new { given = true, givenBy = "la persona" },
    };

    public static async Task<Guid> SendAsync(HttpClient client, object referral) =>
        (await (await client.PostJsonAsync("/api/referrals", referral)).JsonAsync(HttpStatusCode.Created)).Id();
}
