namespace Boards.Needs.Tests.Integration;

/// <summary>Request bodies the tests start from (reading and sending JSON: <see cref="HttpJson"/>).</summary>
internal static class Http
{
    /// <summary>A valid catalog entry; tests change what they need with a `with` on the anonymous shape's copy.</summary>
    public static Dictionary<string, object?> Service(string code, string capacityStatus = "available", string? waitlistBand = null) => new()
    {
        ["code"] = code,
        ["name"] = "Tekoporã",
        ["program"] = "Tekoporã",
        ["institutionCode"] = "mds",
        ["categories"] = new[] { "food_security", "education" },
        ["eligibilitySummary"] = "Hogares en pobreza extrema con niñas, niños o personas mayores.",
        ["channel"] = "home_visit",
        ["monthlyCapacity"] = 40,
        ["capacityStatus"] = capacityStatus,
        ["waitlistBand"] = waitlistBand,
    };
}
