namespace Boards.Membership.Features.ImportMembers;

/// <summary>Limits, the size from which an import runs as a background job, and how jobs are shared by replicas (configuration section Membership:Import).</summary>
public sealed class MemberImportOptions
{
    public const string Section = "Membership:Import";

    public long MaxBytes { get; set; } = 5 * 1024 * 1024;
    public int MaxRows { get; set; } = 20_000;
    /// <summary>Files with more data rows than this become a job (202 + progress); smaller ones are imported in the request.</summary>
    public int BackgroundThreshold { get; set; } = 500;
    /// <summary>How long a finished job can still be read; then the sweep deletes it.</summary>
    public TimeSpan JobRetention { get; set; } = TimeSpan.FromDays(7);
    /// <summary>Jobs queued or running at once, in all replicas together; more are refused with 503.</summary>
    public int MaxPendingJobs { get; set; } = 8;
    /// <summary>How long a claim lasts without being renewed: a replica that dies holds its job at most this long.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How often the replica running a job writes its progress and renews its lease.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(500);
    /// <summary>How often an idle replica looks for queued jobs and expired leases (the replica that accepts a file starts at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>How often finished jobs older than <see cref="JobRetention"/> are deleted.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>A job whose replica died this many times is failed instead of taken again.</summary>
    public int MaxInterruptions { get; set; } = 3;
}
