using Boards.BuildingBlocks.Background;
using Boards.Notifications.Features.Digest;
using Microsoft.Extensions.Options;

namespace Boards.Notifications.Features.Email;

/// <summary>Sends the e-mails due, and then the digests due, every <see cref="EmailOptions.PollInterval"/>.</summary>
public sealed class EmailDispatchService(IServiceScopeFactory scopes, IOptions<EmailOptions> options, TimeProvider clock, ILogger<EmailDispatchService> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync("E-mail dispatch", options.Value.PollInterval, clock, logger, async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            while (await scope.ServiceProvider.GetRequiredService<EmailDispatcher>().RunAsync(ct) > 0)
            {
                // A full batch went out: more may be waiting.
            }

            await scope.ServiceProvider.GetRequiredService<DigestSender>().RunAsync(ct);
        }, stoppingToken);
}
