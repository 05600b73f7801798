using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Boards.Notifications.Features.Email;

/// <summary>
/// Opens SMTP connections with MailKit and keeps one open between passes (Notifications:Smtp:KeepOpenFor, at most
/// MessagesPerConnection messages): a connection per pass cost the mail server a session of its own for every e-mail
/// sent one at a time. A kept connection is asked whether it still answers (NOOP) before it carries a message again;
/// one that does not is replaced, so a server that closed it, or came back meanwhile, changes nothing.
/// </summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options, TimeProvider clock) : IAsyncDisposable
{
    private SmtpSession? _kept;

    /// <summary>The connection for one pass: the kept one, or a new one when its first message goes. Dispose gives it back.</summary>
    public SmtpLease Lease() => new(this, Interlocked.Exchange(ref _kept, null));

    /// <summary>Closes the kept connection once it has waited KeepOpenFor; each e-mail pass asks.</summary>
    public async Task CloseIdleAsync()
    {
        if (Volatile.Read(ref _kept) is { } kept && clock.GetUtcNow() - kept.LastUsedAt >= options.Value.KeepOpenFor
            && Interlocked.CompareExchange(ref _kept, null, kept) == kept)
        {
            await kept.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _kept, null) is { } kept)
        {
            await kept.DisposeAsync();
        }
    }

    internal async Task<SmtpSession> ConnectAsync(CancellationToken ct)
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

            return new SmtpSession(client, MailboxAddress.Parse(settings.From), clock);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Kept for the next pass while it is sound and has room; closed otherwise (or when one is kept already).</summary>
    internal async ValueTask GiveBackAsync(SmtpSession session)
    {
        var settings = options.Value;
        if (settings.KeepOpenFor <= TimeSpan.Zero || !session.IsSound || session.Messages >= settings.MessagesPerConnection
            || Interlocked.CompareExchange(ref _kept, session, null) is not null)
        {
            await session.DisposeAsync();
        }
    }

    private static SecureSocketOptions Security(string value) => value.ToLowerInvariant() switch
    {
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };
}

/// <summary>One pass's use of the SMTP connection (<see cref="SmtpMailer.Lease"/>).</summary>
public sealed class SmtpLease(SmtpMailer mailer, SmtpSession? kept) : IAsyncDisposable
{
    private SmtpSession? _unchecked = kept;
    private SmtpSession? _session;

    /// <summary>The session to send with: the kept one if it still answers, otherwise a new one.</summary>
    public async Task<SmtpSession> SessionAsync(CancellationToken ct)
    {
        if (_unchecked is { } kept)
        {
            _unchecked = null;
            bool answers;
            try
            {
                answers = await kept.AnswersAsync(ct);
            }
            catch
            {
                await kept.DisposeAsync();
                throw;
            }

            if (answers)
            {
                _session = kept;
            }
            else
            {
                await kept.DisposeAsync();
            }
        }

        return _session ??= await mailer.ConnectAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        // A connection this pass did not use goes back unchecked: the next message asks it first.
        if ((_session ?? _unchecked) is { } session)
        {
            _session = _unchecked = null;
            await mailer.GiveBackAsync(session);
        }
    }
}
