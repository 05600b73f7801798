using Boards.Referrals.Domain;

namespace Boards.Referrals.Features.Common;

/// <summary>Configuration section "Referrals".</summary>
public sealed class ReferralsOptions
{
    /// <summary>Secret for the pseudonymous person key. Set a long random value in every real deployment.</summary>
    public string PersonKeySecret { get; set; } = "development-only-person-key-secret";

    public DeadlinePolicy Deadlines { get; set; } = new();

    public TimeSpan OverdueSweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
