namespace Boards.Notifications.Features.Email;

/// <summary>Settings under Notifications:Email and Notifications:Smtp (docs/configuration.md).</summary>
public sealed class EmailOptions
{
    public const string Section = "Notifications:Email";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first pause after a failed attempt; each further one doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts answered "try later" (4xx) before giving up; an unreachable server is retried without limit.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Where the links in the e-mails point (the portal).</summary>
    public string PortalUrl { get; set; } = "http://localhost:5090";

    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, RetryDelay.Ticks * (1L << Math.Clamp(attempts, 0, 20))));
}

public sealed class SmtpOptions
{
    public const string Section = "Notifications:Smtp";

    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 2525;
    public string From { get; set; } = "Mesas de Protección Social <avisos@mesas.boards.test>";
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>none, starttls or ssl (MailKit's SecureSocketOptions: None, StartTls, SslOnConnect).</summary>
    public string Security { get; set; } = "none";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a connection is kept open without a message, for the next pass; zero closes it after each pass.</summary>
    public TimeSpan KeepOpenFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The messages one connection carries before it is closed and a new one opened.</summary>
    public int MessagesPerConnection { get; set; } = 100;
}
