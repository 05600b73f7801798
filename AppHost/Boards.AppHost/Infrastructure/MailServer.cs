using Microsoft.Extensions.Configuration;

namespace Boards.AppHost.Infrastructure;

/// <summary>
/// Where services send e-mail over SMTP: the host and port, and the resource to wait for when the AppHost starts the
/// server itself (smtp4dev in local and containers modes, <see cref="LocalMailServer"/>); none in external mode, or in
/// local mode when Infrastructure:Smtp:Host names a relay outside (the benchmark's, docs/performance.md).
/// </summary>
public sealed record MailServer(string Host, int SmtpPort, IResourceBuilder<IResource>? Resource)
{
    /// <summary>Local mode sends to Infrastructure:Smtp:Host instead of starting smtp4dev when it is set.</summary>
    public static bool HasOutsideRelay(IConfiguration configuration) =>
        configuration["Infrastructure:Smtp:Host"] is { Length: > 0 };

    /// <summary>External mode, and local mode with an outside relay: Infrastructure:Smtp:Host (default localhost) and Infrastructure:Smtp:Port (default 25).</summary>
    public static MailServer FromConfiguration(IConfiguration configuration)
    {
        var smtp = configuration.GetSection("Infrastructure:Smtp");
        return new MailServer(smtp["Host"] is { Length: > 0 } host ? host : "localhost", smtp.GetValue("Port", 25), null);
    }
}
