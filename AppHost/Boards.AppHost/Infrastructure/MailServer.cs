using Microsoft.Extensions.Configuration;

namespace Boards.AppHost.Infrastructure;

/// <summary>
/// Where services send e-mail over SMTP: the host and port, and the resource to wait for when the AppHost starts the
/// server itself (smtp4dev in local and containers modes, <see cref="LocalMailServer"/>); none in external mode.
/// </summary>
public sealed record MailServer(string Host, int SmtpPort, IResourceBuilder<IResource>? Resource)
{
    /// <summary>External mode: Infrastructure:Smtp:Host (default localhost) and Infrastructure:Smtp:Port (default 25).</summary>
    public static MailServer FromConfiguration(IConfiguration configuration)
    {
        var smtp = configuration.GetSection("Infrastructure:Smtp");
        return new MailServer(smtp["Host"] is { Length: > 0 } host ? host : "localhost", smtp.GetValue("Port", 25), null);
    }
}
