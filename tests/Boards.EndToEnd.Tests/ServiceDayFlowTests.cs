using MonitoringGrpc = Boards.Monitoring.Contracts.Grpc;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// A service day across the whole system: the catalog announced by Needs reaches ServiceDays, a focal point plans and
/// runs the day through the gateway, attendance arrives in batches (a resent batch counts once), a need found on the
/// day becomes a referral in Referrals over gRPC, and the report reaches Monitoring.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed class ServiceDayFlowTests(BoardsAppFixture boards)
{
    private const string Municipality = "yhu";

    [Fact]
    public async Task A_full_service_day_is_planned_run_reported_and_counted_in_monitoring()
    {
        var focal = await boards.Tokens.ForUser($"focal.{Municipality}");
        var analyst = await boards.Tokens.ForUser("analyst");
        var plan = new
        {
            municipalityCode = Municipality,
            locality = "Compañía Santa Librada",
            date = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            venue = "Escuela Básica N° 4512",
            expectedAttendance = 80,
            institutions = new[] { new { institutionCode = "mspbs", services = new[] { OfferSetup.PrimaryCare } } },
        };

        // The catalog reaches ServiceDays as events from Needs: wait until the service can be offered.
        var day = await Eventually.Until(
            () => SendAsync(HttpMethod.Post, "/api/service-days", focal, plan),
            r => r.Status == HttpStatusCode.Created,
            what: "the service day accepted once the catalog replica has primary care");
        var path = $"/api/service-days/{day.Body.GetProperty("id").GetGuid()}";
        await ExpectAsync(HttpMethod.Post, $"{path}/confirm", focal, HttpStatusCode.OK);

        var batch = new
        {
            batchId = "tablet-1-lote-1",
            entries = new object[]
            {
                new { serviceCode = OfferSetup.PrimaryCare, documentNumber = "4.512.001" },
                new { serviceCode = OfferSetup.PrimaryCare, documentNumber = "4512002" },
                new { serviceCode = OfferSetup.PrimaryCare, anonymousCount = 3 },
            },
        };
        var first = await ExpectAsync(HttpMethod.Post, $"{path}/attendance-batches", focal, HttpStatusCode.OK, batch);
        var again = await ExpectAsync(HttpMethod.Post, $"{path}/attendance-batches", focal, HttpStatusCode.OK, batch);
        Assert.Equal((false, 5), (first.GetProperty("replayed").GetBoolean(), first.GetProperty("peopleServed").GetInt32()));
        Assert.Equal((true, 5), (again.GetProperty("replayed").GetBoolean(), again.GetProperty("peopleServed").GetInt32()));

        var referrals = await ExpectAsync(HttpMethod.Post, $"{path}/referrals", focal, HttpStatusCode.OK, new
        {
            entries = new[]
            {
                new
                {
                    entryId = "tablet-1-persona-7",
                    originInstitution = "mspbs",
                    destinationInstitution = "mspbs",
                    serviceCode = OfferSetup.PrimaryCare,
                    needCategory = "health",
                    priority = "high",
                    reason = "Hipertensión sin control; no asiste a la USF desde hace un año.",
                    person = new { documentNumber = "4512001", givenNames = "Juana", familyNames = "Ríos Benítez", birthDate = "1961-08-14", sex = "female" },
                    consent = new { given = true, givenBy = "la persona" },
                },
            },
        });
        Assert.True((1, 0) == (referrals.GetProperty("sent").GetInt32(), referrals.GetProperty("failed").GetInt32()), referrals.GetRawText());
        var referralId = referrals.GetProperty("entries")[0].GetProperty("referralId").GetString();
        var referral = await boards.Referrals.GetReferralAsync(
            new Boards.Referrals.Contracts.Grpc.GetReferralRequest { Id = referralId }, BoardsAppFixture.Bearer(focal));
        Assert.Equal("Juana", referral.Person.GivenNames);

        await ExpectAsync(HttpMethod.Post, $"{path}/hold", focal, HttpStatusCode.OK);
        var reported = await ExpectAsync(HttpMethod.Post, $"{path}/report", focal, HttpStatusCode.OK, new { notes = "Buena participación de la compañía." });
        Assert.Equal("reported", reported.GetProperty("status").GetString());

        var summary = await Eventually.Until(
            () => boards.Monitoring.GetMunicipalityAsync(new MonitoringGrpc.GetMunicipalityRequest { Code = Municipality }, BoardsAppFixture.Bearer(analyst)).ResponseAsync,
            s => s.ServiceDays is { Held: >= 1 },
            what: "the service day in Monitoring");
        Assert.Equal((1, 5, 1), (summary.ServiceDays.Held, summary.ServiceDays.PeopleServed, summary.ServiceDays.ReferralsMade));
    }

    private Task<JsonElement> ExpectAsync(HttpMethod method, string path, string token, HttpStatusCode expected, object? body = null) =>
        boards.Http.ExpectJsonAsync(method, path, token, [expected], body);

    private Task<GatewayReply> SendAsync(HttpMethod method, string path, string token, object? body = null) =>
        boards.Http.SendJsonAsync(method, path, token, body);
}
