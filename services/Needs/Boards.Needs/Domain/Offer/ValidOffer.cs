namespace Boards.Needs.Domain.Offer;

/// <summary>The checked fields of a catalog entry (by the REST validator or the CSV import): what a service offers now.</summary>
public sealed record ValidOffer(
    string Name, string Program, string InstitutionCode, List<string> Categories, string EligibilitySummary,
    ServiceChannel Channel, int? MonthlyCapacity, CapacityStatus CapacityStatus, WaitlistBand? WaitlistBand);
