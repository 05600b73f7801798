using System.Globalization;

namespace Boards.EndToEnd.Tests.ServiceDaysOffline;

/// <summary>
/// Service days for the tablet tests, in Juan Emilio O'Leary (whose service days no other test uses): primary care
/// (MSPBS) and Tekoporã (MDS) offered through the gateway, a day planned with both and, if asked, confirmed.
/// </summary>
public sealed class TabletDays(BoardsAppFixture boards)
{
    public const string Municipality = "juan-emilio-oleary";
    public const string PrimaryCare = OfferSetup.PrimaryCare;
    public const string CashTransfer = "tekopora";

    public string FocalPoint => $"focal.{Municipality}";

    public async Task<string> PlanAsync(string venue, bool confirm)
    {
        var admin = await boards.Tokens.ForUser("admin");
        foreach (var service in new[]
        {
            OfferSetup.Service(PrimaryCare),
            new
            {
                code = CashTransfer, name = "Tekoporã", program = "Tekoporã", institutionCode = "mds", categories = new[] { "food_security" },
                eligibilitySummary = "Hogares en pobreza extrema.", channel = "service_day", monthlyCapacity = 40, capacityStatus = "available",
                waitlistBand = (string?)null,
            },
        })
        {
            var (status, body) = await OfferSetup.OfferAsync(boards.Http, admin, Municipality, service);
            Assert.True(OfferSetup.Offered(status), body);
        }

        var focal = await boards.Tokens.ForUser(FocalPoint);
        var created = await Eventually.Until(
            () => boards.Http.SendJsonAsync(HttpMethod.Post, "/api/service-days", focal, Plan(venue, [PrimaryCare, CashTransfer], null)),
            r => r.Status == HttpStatusCode.Created,
            what: "ServiceDays' catalog replica with primary care and Tekoporã in Juan Emilio O'Leary");
        var id = created.Body.GetProperty("id").GetString()!;
        if (confirm)
        {
            await boards.Http.ExpectJsonAsync(HttpMethod.Post, $"/api/service-days/{id}/confirm", focal, [HttpStatusCode.OK]);
        }

        return id;
    }

    /// <summary>The day's plan changed by someone else: only these services remain, and the day is confirmed.</summary>
    public async Task KeepOnlyAndConfirmAsync(string id, string venue, string service)
    {
        var focal = await boards.Tokens.ForUser(FocalPoint);
        var day = await DayAsync(id);
        await boards.Http.ExpectJsonAsync(HttpMethod.Put, $"/api/service-days/{id}", focal, [HttpStatusCode.OK],
            Plan(venue, [service], day.GetProperty("version").GetInt32()));
        await boards.Http.ExpectJsonAsync(HttpMethod.Post, $"/api/service-days/{id}/confirm", focal, [HttpStatusCode.OK]);
    }

    public async Task<JsonElement> DayAsync(string id) =>
        await boards.Http.ExpectJsonAsync(HttpMethod.Get, $"/api/service-days/{id}", await boards.Tokens.ForUser(FocalPoint), [HttpStatusCode.OK]);

    public async Task<List<JsonElement>> ReferralsAsync(string id) =>
        [.. (await boards.Http.ExpectJsonAsync(HttpMethod.Get, $"/api/service-days/{id}/referrals", await boards.Tokens.ForUser(FocalPoint), [HttpStatusCode.OK])).EnumerateArray()];

    /// <summary>The ids of the referrals in an officer's list for the municipality (their institution's inbox).</summary>
    public async Task<HashSet<string>> InboxAsync(string officer)
    {
        var list = await boards.Http.ExpectJsonAsync(HttpMethod.Get, $"/api/referrals?municipalityCode={Municipality}&pageSize=200",
            await boards.Tokens.ForUser(officer), [HttpStatusCode.OK]);
        return [.. list.GetProperty("referrals").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
    }

    private static Dictionary<string, object?> Plan(string venue, string[] services, int? expectedVersion)
    {
        var plan = new Dictionary<string, object?>
        {
            ["municipalityCode"] = Municipality, ["locality"] = "Compañía Tava'i", ["venue"] = venue, ["expectedAttendance"] = 30,
            ["date"] = DateTime.UtcNow.AddHours(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["institutions"] = services.Select(s => new { institutionCode = s == PrimaryCare ? "mspbs" : "mds", services = new[] { s } }).ToArray(),
        };
        if (expectedVersion is { } version)
        {
            plan["expectedVersion"] = version;
        }

        return plan;
    }
}
