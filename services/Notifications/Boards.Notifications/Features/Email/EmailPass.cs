using Boards.Notifications.Features.Common;
using Boards.Notifications.Features.Digest;

namespace Boards.Notifications.Features.Email;

/// <summary>The e-mails due now (batch after batch while batches come full), then the digests due.</summary>
public sealed class EmailPass(EmailDispatcher dispatcher, DigestSender digests) : IPeriodicPass
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        for (int batch; (batch = await dispatcher.RunAsync(cancellationToken)) > 0;)
        {
            sent += batch;
        }

        return sent + await digests.RunAsync(cancellationToken);
    }
}
