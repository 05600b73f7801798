namespace Boards.ServiceDays.Features.ReferralsClient;

/// <summary>Configuration section "ServiceDays:Referrals": where the referrals service's gRPC endpoint is, and how long to wait.</summary>
public sealed class ReferralsClientOptions
{
    public const string Section = "ServiceDays:Referrals";

    /// <summary>
    /// The referrals service's gRPC (HTTP/2) endpoint: a service-discovery name (http://_grpc.referrals, every replica,
    /// balanced per call) or a literal http URL (one server). Empty: entries stay pending with an error.
    /// </summary>
    public string? Address { get; set; }

    /// <summary>The deadline of each CreateReferral call.</summary>
    public double TimeoutSeconds { get; set; } = 5;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds > 0 ? TimeoutSeconds : 5);
}
