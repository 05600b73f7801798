namespace Boards.Referrals.Features.ServiceAvailability;

/// <summary>Asks the offer catalog (the needs service) whether a service is offered in a municipality, and with what capacity.</summary>
public interface IServiceAvailability
{
    /// <summary>Never throws for an outage: an answer that could not be obtained comes back with Verified = false.</summary>
    Task<AvailabilityAnswer> CheckAsync(string municipalityCode, string serviceCode, CancellationToken cancellationToken);
}

/// <summary>
/// The catalog's answer. CapacityStatus and WaitlistBand are the catalog's codes (available, waitlist, full;
/// under_1_month, one_to_3_months, over_3_months). Message is Spanish.
/// </summary>
public sealed record AvailabilityAnswer
{
    public required bool Verified { get; init; }
    public bool Offered { get; init; }
    public string? CapacityStatus { get; init; }
    public string? WaitlistBand { get; init; }
    public string? ServiceName { get; init; }
    public required string Message { get; init; }

    public static AvailabilityAnswer NotVerified(string message) => new() { Verified = false, Message = message };
}
