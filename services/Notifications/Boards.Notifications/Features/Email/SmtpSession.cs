using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace Boards.Notifications.Features.Email;

/// <summary>An open SMTP connection: sends messages one after another and says whether it can carry more.</summary>
public sealed class SmtpSession(SmtpClient client, MailboxAddress from, TimeProvider clock) : IAsyncDisposable
{
    private bool _broken;

    /// <summary>The messages this connection has carried, accepted or refused.</summary>
    public int Messages { get; private set; }

    public DateTimeOffset LastUsedAt { get; private set; } = clock.GetUtcNow();

    /// <summary>Connected, and nothing but a refusal (an SMTP reply) went wrong on it.</summary>
    public bool IsSound => !_broken && client.IsConnected;

    public async Task SendAsync(string to, EmailContent content, string messageId, CancellationToken ct)
    {
        var message = new MimeMessage { MessageId = messageId };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = content.Subject;
        message.Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody();
        try
        {
            Messages++;
            await client.SendAsync(message, ct);
        }
        catch (Exception exception) when (exception is not SmtpCommandException)
        {
            _broken = true;
            throw;
        }
        finally
        {
            LastUsedAt = clock.GetUtcNow();
        }
    }

    /// <summary>Whether a kept connection still answers (NOOP): a server may have closed it while it waited.</summary>
    internal async Task<bool> AnswersAsync(CancellationToken ct)
    {
        if (!IsSound)
        {
            return false;
        }

        try
        {
            await client.NoOpAsync(ct);
            LastUsedAt = clock.GetUtcNow();
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return false;
        }
    }

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
