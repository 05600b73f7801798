using Boards.ServiceDefaults;

namespace Boards.Referrals.Features.Common;

/// <summary>Configuration section "Referrals".</summary>
public sealed class ReferralsOptions
{
    public const string PersonKeySecretSetting = "Referrals:PersonKeySecret";

    /// <summary>The secret of the pseudonymous person key in Development only (see <see cref="ShippedSecrets"/>).</summary>
    public const string DevelopmentPersonKeySecret = "development-only-person-key-secret";

    /// <summary>
    /// Secret for the pseudonymous person key: whoever knows it can turn a person key back into a document number.
    /// Required outside Development, and never the shipped value (checked at start).
    /// </summary>
    public string PersonKeySecret { get; set; } = DevelopmentPersonKeySecret;

    public DeadlinePolicy Deadlines { get; set; } = new();

    public TimeSpan OverdueSweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many WatchReferrals streams one caller (token subject) may hold open at once.</summary>
    public int WatchMaxStreamsPerCaller { get; set; } = 5;

    /// <summary>How far back a WatchReferrals <c>since</c> may reach.</summary>
    public TimeSpan WatchMaxReplayAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a replica keeps its WatchReferrals queue after its last stream ended, so that a client that reconnects
    /// finds it still there; after that the queue is removed until the next stream (Consumers/ReferralWatchQueue).
    /// </summary>
    public TimeSpan WatchQueueIdleTime { get; set; } = TimeSpan.FromSeconds(30);

    public RetentionOptions Retention { get; set; } = new();
}

/// <summary>Section "Referrals:Retention": how long a closed referral keeps the person's data (docs/security.md).</summary>
public sealed class RetentionOptions
{
    /// <summary>Two years after the loop closed, by default: long enough for a follow-up or a complaint.</summary>
    public TimeSpan AnonymiseClosedAfter { get; set; } = TimeSpan.FromDays(730);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>False leaves only the ministry-admin's on-demand sweep (the end-to-end tests use that).</summary>
    public bool AutomaticSweep { get; set; } = true;
}
