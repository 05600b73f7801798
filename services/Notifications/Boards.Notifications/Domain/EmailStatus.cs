namespace Boards.Notifications.Domain;

/// <summary>Where a notification's e-mail stands.</summary>
public static class EmailStatus
{
    /// <summary>To be sent now (or retried: the mail server did not answer).</summary>
    public const string Pending = "pending";

    /// <summary>Waiting for the person's daily digest.</summary>
    public const string Digest = "digest";

    public const string Sent = "sent";

    /// <summary>The person turned e-mail off for this kind.</summary>
    public const string Off = "off";

    /// <summary>The person has no e-mail address: listed for ministry-admin.</summary>
    public const string NoAddress = "no_address";

    /// <summary>The mail server refused the address (5xx): not retried.</summary>
    public const string Bounced = "bounced";

    /// <summary>Gave up after the most attempts allowed.</summary>
    public const string Failed = "failed";
}
