using Boards.BuildingBlocks.Background;
using Microsoft.Extensions.Options;

namespace Boards.Membership.Features.ImportMembers;

/// <summary>
/// Every replica runs one: it claims import jobs from membershipdb one at a time (the one it just accepted at once,
/// others at each poll, including jobs whose replica died) and runs them (<see cref="MemberImportRunner"/>).
/// </summary>
public sealed partial class MemberImportWorker(
    MemberImportRunner runner, MemberImportSignal signal, IOptions<MemberImportOptions> options, ILogger<MemberImportWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await TryClaimAsync(stoppingToken) is { } claim)
                {
                    await RunAsync(claim, stoppingToken);
                    continue;
                }

                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: a job being run was handed back (or its lease runs out) and another replica takes it.
        }
    }

    private async Task RunAsync(ImportClaim claim, CancellationToken stoppingToken)
    {
        try
        {
            await runner.RunAsync(claim, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The runner records every failure it can; this keeps the worker alive for the next job.
            LogRunFailed(logger, exception, claim.JobId);
        }
    }

    private async Task<ImportClaim?> TryClaimAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await runner.ClaimNextAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogClaimFailed(logger, exception);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Member import job {JobId} stopped unexpectedly; it is taken up again when its lease ends")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not look for member import jobs; trying again at the next poll")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);
}

/// <summary>Deletes finished jobs once their retention ended, at start and then every <see cref="MemberImportOptions.SweepInterval"/>.</summary>
public sealed partial class MemberImportSweep(
    IServiceScopeFactory scopes, IOptions<MemberImportOptions> options, TimeProvider clock, ILogger<MemberImportSweep> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync("Member import sweep", options.Value.SweepInterval, clock, logger, SweepOnceAsync, stoppingToken);

    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var before = clock.GetUtcNow() - options.Value.JobRetention;
        var deleted = await scope.ServiceProvider.GetRequiredService<MemberImportClaims>().SweepAsync(before, ct);
        if (deleted > 0)
        {
            LogSwept(logger, deleted, before);
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} member import jobs that finished before {Before}")]
    private static partial void LogSwept(ILogger logger, int count, DateTimeOffset before);
}

public static class MemberImportRegistration
{
    /// <summary>Everything the CSV import needs: options, handler, the job table's services, the worker and the sweep.</summary>
    public static IServiceCollection AddMemberImport(this IServiceCollection services)
    {
        services.AddOptions<MemberImportOptions>().BindConfiguration(MemberImportOptions.Section);
        services.AddScoped<ImportMembersHandler>();
        services.AddScoped<MemberImportJobs>();
        services.AddScoped<MemberImportClaims>();
        services.AddSingleton<MemberImportSignal>();
        services.AddSingleton<MemberImportRunner>();
        services.AddHostedService<MemberImportWorker>();
        services.AddSingleton<MemberImportSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<MemberImportSweep>());
        return services;
    }
}
