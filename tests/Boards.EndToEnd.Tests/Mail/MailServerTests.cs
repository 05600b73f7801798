using System.Text.RegularExpressions;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Boards.EndToEnd.Tests.Mail;

/// <summary>
/// The mail server the AppHost starts in local mode (smtp4dev, docs/notifications.md "The mail server"): what is sent
/// over SMTP is read back through its API, it listens on loopback only, it refuses rechazo.test, and it keeps its
/// messages across a restart.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed partial class MailServerTests(BoardsAppFixture boards)
{
    [Fact]
    public async Task A_message_sent_over_SMTP_is_read_back_with_its_plain_text_and_HTML()
    {
        var recipient = NewAddress("municipio.test");
        var subject = $"Referencia recibida {Guid.NewGuid():N}";

        await SendAsync(recipient, subject, "Tiene una referencia nueva en Ñemby.",
            "<p>Tiene una <a href=\"http://localhost:6090/referencias/1\">referencia nueva</a> en Ñemby.</p>");

        var message = await boards.Mailbox.WaitForAsync(recipient);
        Assert.Equal(new[] { recipient }, message.To);
        Assert.Equal(subject, message.Subject);
        Assert.Equal("Tiene una referencia nueva en Ñemby.", message.Text?.TrimEnd());
        Assert.Contains("<a href=\"http://localhost:6090/referencias/1\">referencia nueva</a> en Ñemby.", message.Html);
        Assert.InRange(message.ReceivedAt, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Contains(await boards.Mailbox.AllAsync(), m => m.Id == message.Id);
        Assert.Empty(await boards.Mailbox.ToAsync(NewAddress("municipio.test")));
    }

    [Theory]
    [InlineData("rechazo.test")]
    [InlineData("RECHAZO.TEST")]
    public async Task A_recipient_at_rechazo_test_is_refused_with_a_5xx(string domain)
    {
        var recipient = NewAddress(domain);

        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => SendAsync(recipient, "Aviso", "Texto.", "<p>Texto.</p>"));

        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, refused.ErrorCode);
        Assert.InRange((int)refused.StatusCode, 500, 599);
        Assert.Equal(recipient, refused.Mailbox?.Address);
        Assert.Empty(await boards.Mailbox.ToAsync(recipient));
    }

    [Fact]
    public async Task SMTP_and_the_mailbox_web_are_the_only_ports_and_listen_on_loopback_only()
    {
        var listeners = await Commands.RunAsync("ss", "-ltnpH");
        var sockets = listeners.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6)
            .Select(fields => (Local: fields[3], Pids: Pids().Matches(fields[5]).Select(m => m.Groups[1].Value).ToList()))
            .ToList();
        var mailPid = Assert.Single(sockets.Where(s => PortOf(s.Local) == BoardsAppFixture.SmtpPort).SelectMany(s => s.Pids).Distinct());

        var mail = sockets.Where(s => s.Pids.Contains(mailPid)).Select(s => s.Local).ToList();

        Assert.Equal(new[] { BoardsAppFixture.SmtpPort, BoardsAppFixture.MailWebPort }.Order(), mail.Select(PortOf).Distinct().Order());
        Assert.All(mail, local => Assert.True(IsLoopback(local), $"El servidor de correo escucha fuera de loopback: {local}"));
    }

    [Fact]
    public async Task A_message_survives_a_restart_of_the_mail_server()
    {
        var recipient = NewAddress("municipio.test");
        await SendAsync(recipient, "Antes del reinicio", "Guardado en disco.", "<p>Guardado en disco.</p>");
        var sent = await boards.Mailbox.WaitForAsync(recipient);

        await boards.StopServiceAsync("mail", BoardsAppFixture.SmtpPort);
        await boards.RestartServiceAsync("mail");

        var kept = Assert.Single(await boards.Mailbox.ToAsync(recipient));
        Assert.Equal((sent.Id, sent.Subject, sent.ReceivedAt, sent.Text, sent.Html), (kept.Id, kept.Subject, kept.ReceivedAt, kept.Text, kept.Html));
        Assert.Equal(sent.To, kept.To);
    }

    private static string NewAddress(string domain) => $"prueba-{Guid.NewGuid():N}@{domain}";

    private static async Task SendAsync(string recipient, string subject, string text, string html)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Boards", "notificaciones@boards.test"));
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = subject;
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();

        using var smtp = new SmtpClient();
        await smtp.ConnectAsync("127.0.0.1", BoardsAppFixture.SmtpPort, SecureSocketOptions.None);
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(quit: true);
    }

    private static int PortOf(string local) =>
        int.Parse(local[(local.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>127.0.0.1:25 or [::1]:25 (ss may add the interface, 127.0.0.1%lo:25); * and 0.0.0.0 are every interface.</summary>
    private static bool IsLoopback(string local)
    {
        var host = local[..local.LastIndexOf(':')].Trim('[', ']').Split('%')[0];
        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }

    [GeneratedRegex(@"pid=(\d+)")]
    private static partial Regex Pids();
}
