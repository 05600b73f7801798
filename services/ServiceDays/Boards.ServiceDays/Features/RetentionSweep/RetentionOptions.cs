namespace Boards.ServiceDays.Features.RetentionSweep;

/// <summary>Section "ServiceDays:Retention": how long an undelivered referral entry keeps the person's data (docs/security.md).</summary>
public sealed class RetentionOptions
{
    public const string Section = "ServiceDays:Retention";

    /// <summary>90 days after it was received, by default: a referral not delivered by then is stale anyway.</summary>
    public TimeSpan ForgetUndeliveredAfter { get; set; } = TimeSpan.FromDays(90);

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>False leaves only the ministry-admin's on-demand sweep (the integration tests use that).</summary>
    public bool AutomaticSweep { get; set; } = true;
}
