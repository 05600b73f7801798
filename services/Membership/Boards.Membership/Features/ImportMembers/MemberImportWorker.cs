using Microsoft.Extensions.Options;

namespace Boards.Membership.Features.ImportMembers;

/// <summary>Runs queued import jobs one at a time, each in its own scope (its own DbContext and transaction).</summary>
public sealed class MemberImportWorker(MemberImportJobs jobs, IServiceScopeFactory scopes, TimeProvider clock, ILogger<MemberImportWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in jobs.Queue.ReadAllAsync(stoppingToken))
            {
                await RunAsync(job, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: queued jobs are lost and nothing of theirs was written.
        }
    }

    private async Task RunAsync(ImportJob job, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<ImportMembersHandler>();
            var outcome = await handler.HandleAsync(job.MunicipalityCode, job.Table, job.ExpectedVersion, job.Caller, new SyncProgress(job.Report), ct);
            job.Complete(outcome, clock.GetUtcNow());
        }
        catch (Exception exception) when (exception is ForbiddenException or NotFoundException or ConcurrencyConflictException or ValidationFailedException)
        {
            job.Fail(exception.Message + " No se importó ningún miembro.", clock.GetUtcNow());
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            job.Fail("El servicio se detuvo durante la importación; no se importó ningún miembro. Vuelva a enviar el archivo.", clock.GetUtcNow());
            throw;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Member import job {JobId} for {MunicipalityCode} failed", job.Id, job.MunicipalityCode);
            job.Fail("Error inesperado durante la importación; no se importó ningún miembro. Vuelva a enviar el archivo.", clock.GetUtcNow());
        }
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and reorder reports).</summary>
    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

public static class MemberImportRegistration
{
    /// <summary>Everything the CSV import needs: options, handler, the in-memory job registry and its worker.</summary>
    public static IServiceCollection AddMemberImport(this IServiceCollection services)
    {
        services.AddOptions<MemberImportOptions>().BindConfiguration(MemberImportOptions.Section);
        services.AddScoped<ImportMembersHandler>();
        services.AddSingleton<MemberImportJobs>();
        services.AddHostedService<MemberImportWorker>();
        return services;
    }
}
