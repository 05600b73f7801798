using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Boards.AppHost.Infrastructure;

/// <summary>
/// smtp4dev, a real SMTP server that keeps every message it receives and shows them on a web page and a REST API
/// (docs/notifications.md, "The mail server"). SMTP on 127.0.0.1:Infrastructure:SmtpPort and the web on
/// localhost:Ports:Mail, loopback only, with no IMAP or POP3. Messages are kept in {DataDirectory}/mail/smtp4dev.db, so
/// they survive a restart. Settings come only from these arguments: no user settings file, nothing changed from the web.
/// Any recipient at <see cref="RefusedDomain"/> is refused with 550, as a real server refuses an unknown address.
/// </summary>
public static class LocalMailServer
{
    public const string RefusedDomain = "rechazo.test";

    public static MailServer Add(IDistributedApplicationBuilder builder, string dataDirectory)
    {
        var smtpPort = builder.Configuration.GetValue("Infrastructure:SmtpPort", 2525);
        var webPort = BoardsPorts.From(builder.Configuration).Mail;
        var repository = LocalSettings.RepositoryOf(builder);
        var folder = Path.Combine(dataDirectory, "mail");
        // smtp4dev does not create the database's folder.
        Directory.CreateDirectory(folder);

        // run.sh and test.sh install it; this covers an AppHost started any other way (dotnet run, dotnet test).
        var install = builder.AddExecutable("mail-install", "bash", repository, "-c", "source eng/lib.sh && boards_install_smtp4dev")
            .ExcludeFromManifest();

        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "mail-ready", _ => new SmtpReadyCheck(smtpPort, webPort), null, null));

        var smtp = smtpPort.ToString(CultureInfo.InvariantCulture);
        var web = webPort.ToString(CultureInfo.InvariantCulture);
        var mail = builder.AddExecutable("mail", Path.Combine(repository, ".tools", "smtp4dev", "smtp4dev"), folder,
                $"--smtpport={smtp}", "--bindaddress=127.0.0.1", "--allowremoteconnections-", "--hostname=localhost",
                $"--urls=http://localhost:{web}", "--imapport=", "--pop3port=",
                $"--db={Path.Combine(folder, "smtp4dev.db")}", "--messagestokeep=10000",
                $"--baseappdatapath={folder}", "--nousersettings", "--locksettings")
            // A JavaScript expression smtp4dev evaluates for each RCPT TO; false answers "550 Recipient rejected".
            .WithEnvironment("ServerOptions__RecipientValidationExpression", $"!recipient.toLowerCase().endsWith('@{RefusedDomain}')")
            .WithHttpEndpoint(port: webPort, targetPort: webPort, name: "http", isProxied: false)
            .WithEndpoint(name: "smtp", port: smtpPort, targetPort: smtpPort, scheme: "smtp", isProxied: false)
            .WaitForCompletion(install)
            .WithHealthCheck("mail-ready")
            .ExcludeFromManifest();

        return new MailServer("127.0.0.1", smtpPort, mail);
    }
}
