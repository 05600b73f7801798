namespace Boards.Needs.Domain.Offer;

/// <summary>The checked fields of a catalog entry (by the REST validator or the CSV import): what a service offers now.</summary>
public sealed record ValidOffer(
    string Name, string Program, string InstitutionCode, List<string> Categories, string EligibilitySummary,
    ServiceChannel Channel, int? MonthlyCapacity, CapacityStatus CapacityStatus, WaitlistBand? WaitlistBand)
{
    public ValidCapacity Capacity => new(MonthlyCapacity, CapacityStatus, WaitlistBand);
}

/// <summary>
/// The checked capacity of a catalog entry: monthly places (null when not stated), the status, and the waiting time,
/// which is set exactly when the status is Waitlist.
/// </summary>
public sealed record ValidCapacity(int? MonthlyCapacity, CapacityStatus Status, WaitlistBand? WaitlistBand);
