using Boards.Notifications.Features.Common;
using Boards.Notifications.Features.Digest;

namespace Boards.Notifications.Features.Email;

/// <summary>
/// The e-mails due now (batch after batch while batches come full), then the digests due, over one SMTP connection (the
/// one kept from the last pass if it still answers); in the end it is closed if it has waited long enough.
/// </summary>
public sealed class EmailPass(EmailDispatcher dispatcher, DigestSender digests, SmtpMailer mailer) : IPeriodicPass
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        await using (var smtp = mailer.Lease())
        {
            EmailBatch batch;
            do
            {
                batch = await dispatcher.SendDueAsync(smtp, cancellationToken);
                sent += batch.Sent;
            }
            while (batch.Full);

            sent += await digests.RunAsync(smtp, cancellationToken);
        }

        await mailer.CloseIdleAsync();
        return sent;
    }
}
