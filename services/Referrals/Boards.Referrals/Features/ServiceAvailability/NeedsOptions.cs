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

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds > 0 ? TimeoutSeconds : 2);
}
