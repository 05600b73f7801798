using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Boards.Notifications.Features.Email;

/// <summary>Opens an SMTP session with MailKit; one session sends a whole batch.</summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options)
{
    public async Task<SmtpSession> ConnectAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, Security(settings.Security), ct);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
            }

            return new SmtpSession(client, MailboxAddress.Parse(settings.From));
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions Security(string value) => value.ToLowerInvariant() switch
    {
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };
}

public sealed class SmtpSession(SmtpClient client, MailboxAddress from) : IAsyncDisposable
{
    public async Task SendAsync(string to, EmailContent content, string messageId, CancellationToken ct)
    {
        var message = new MimeMessage { MessageId = messageId };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = content.Subject;
        message.Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody();
        await client.SendAsync(message, ct);
    }

    public bool IsConnected => client.IsConnected;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(true);
            }
        }
        catch (Exception exception) when (exception is IOException or ProtocolException or OperationCanceledException)
        {
            // The messages are already handed over; a failed goodbye changes nothing.
        }

        client.Dispose();
    }
}

/// <summary>A message as people read it: subject, plain text and HTML.</summary>
public sealed record EmailContent(string Subject, string Text, string Html);
