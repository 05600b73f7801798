namespace Boards.Needs.Domain.Offer;

/// <summary>The snake_case codes people and clients use for the catalog's enums (JSON, events, storage).</summary>
public static class OfferCodes
{
    public static readonly IReadOnlyDictionary<string, ServiceChannel> Channels = new Dictionary<string, ServiceChannel>(StringComparer.Ordinal)
    {
        ["office"] = ServiceChannel.Office,
        ["health_unit"] = ServiceChannel.HealthUnit,
        ["service_day"] = ServiceChannel.ServiceDay,
        ["home_visit"] = ServiceChannel.HomeVisit,
    };

    public static readonly IReadOnlyDictionary<string, CapacityStatus> Statuses = new Dictionary<string, CapacityStatus>(StringComparer.Ordinal)
    {
        ["available"] = CapacityStatus.Available,
        ["waitlist"] = CapacityStatus.Waitlist,
        ["full"] = CapacityStatus.Full,
    };

    public static readonly IReadOnlyDictionary<string, WaitlistBand> Bands = new Dictionary<string, WaitlistBand>(StringComparer.Ordinal)
    {
        ["under_1_month"] = WaitlistBand.Under1Month,
        ["one_to_3_months"] = WaitlistBand.OneTo3Months,
        ["over_3_months"] = WaitlistBand.Over3Months,
    };

    public static string Code(this ServiceChannel channel) => Channels.Single(c => c.Value == channel).Key;

    public static string Code(this CapacityStatus status) => Statuses.Single(s => s.Value == status).Key;

    public static string Code(this WaitlistBand band) => Bands.Single(b => b.Value == band).Key;

    /// <summary>"de 1 a 3 meses": how a waiting time reads in a sentence.</summary>
    public static string Spanish(this WaitlistBand band) => band switch
    {
        WaitlistBand.Under1Month => "menos de 1 mes",
        WaitlistBand.OneTo3Months => "de 1 a 3 meses",
        _ => "más de 3 meses",
    };
}
