namespace Boards.Referrals.Features.ServiceAvailability;

/// <summary>Configuration section "Referrals:Needs": where the needs service's gRPC endpoint is, and how long to wait.</summary>
public sealed class NeedsOptions
{
    public const string Section = "Referrals:Needs";

    /// <summary>
    /// The needs service's gRPC (HTTP/2) endpoint: a service-discovery name (http://_grpc.needs, every replica, balanced per
    /// call) or a literal http URL (one server). Empty: nothing is called, referrals are not verified.
    /// </summary>
    public string? Address { get; set; }

    /// <summary>The deadline of each CheckAvailability call. Someone is waiting at a desk: keep it short.</summary>
    public double TimeoutSeconds { get; set; } = 2;

    /// <summary>
    /// How long an "offered" answer is reused for the same destination municipality and service while needs is
    /// connected (<see cref="AvailabilityCache"/>). 0 asks needs for every referral.
    /// </summary>
    public double AvailabilityCacheSeconds { get; set; } = 60;

    public TimeSpan AvailabilityCacheLifetime => TimeSpan.FromSeconds(Math.Max(0, AvailabilityCacheSeconds));

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds > 0 ? TimeoutSeconds : 2);
}
