using Boards.BuildingBlocks.Import;
using Boards.Membership.Data;
using Microsoft.Extensions.Options;

namespace Boards.Membership.Features.ImportMembers;

/// <summary>
/// Runs one claimed job in its own scope: reads the stored file, validates and prepares the members while a heartbeat
/// writes the progress and renews the lease, then writes the members and the job's end in one transaction. A job that
/// is taken up again after a crash starts from the beginning: the members are written only together with the job's end,
/// so a replica that died left nothing of it, and a finished job is never claimed again.
/// </summary>
public sealed partial class MemberImportRunner(
    IServiceScopeFactory scopes, IOptions<MemberImportOptions> options, TimeProvider clock, ILogger<MemberImportRunner> logger)
{
    private const string RowsName = "miembros";
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Names this replica in the jobs it claims (host, process, and this instance).</summary>
    public string Replica { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public async Task<ImportClaim?> ClaimNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MemberImportClaims>().ClaimNextAsync(Replica, ct);
    }

    /// <summary>Runs the job to its end; hands it back if <paramref name="stoppingToken"/> stops this replica first.</summary>
    public async Task RunAsync(ImportClaim claim, CancellationToken stoppingToken)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var stopBeating = new CancellationTokenSource();
        var progress = new LatestProgress(new ImportProgress(ImportPhase.Validating, 0, claim.TotalRows));
        var heartbeat = BeatAsync(claim, progress, lost, stopBeating.Token);
        try
        {
            await ImportAsync(claim, progress, lost.Token, stoppingToken);
        }
        catch (Exception exception) when (exception is ForbiddenException or NotFoundException or ConcurrencyConflictException or ValidationFailedException)
        {
            await FailAsync(claim, exception.Message + " No se importó ningún miembro.", stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAsync(claim);
        }
        catch (Exception exception) when (exception is LostClaimException || (exception is OperationCanceledException && lost.IsCancellationRequested))
        {
            LogLostClaim(logger, claim.JobId, claim.MunicipalityCode);
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception, claim.JobId, claim.MunicipalityCode);
            await FailAsync(claim, "Error inesperado durante la importación; no se importó ningún miembro. Vuelva a enviar el archivo.", stoppingToken);
        }
        finally
        {
            await stopBeating.CancelAsync();
            await heartbeat;
        }
    }

    private async Task ImportAsync(ImportClaim claim, LatestProgress progress, CancellationToken running, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var claims = services.GetRequiredService<MemberImportClaims>();
        var store = services.GetRequiredService<BoardStore>();
        var table = UploadedCsv.Parse(await claims.FileAsync(claim, running), options.Value.MaxRows, RowsName);
        var outcome = await services.GetRequiredService<ImportMembersHandler>()
            .PrepareAsync(claim.MunicipalityCode, table, claim.ExpectedVersion, claim.Caller, progress, running);

        // From here on only shutdown stops it: the end is written whole or not at all.
        if (outcome.Succeeded)
        {
            await claims.FinishAsync(claim, (job, now) => job.Complete(outcome.Added, outcome.BoardVersion, now), store.SaveAsync, stoppingToken);
        }
        else
        {
            await claims.FinishAsync(claim, (job, now) => job.FailOnRows(outcome.Errors, outcome.BoardVersion, now), store.Db.SaveChangesAsync, stoppingToken);
        }
    }

    private async Task FailAsync(ImportClaim claim, string detail, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
            await scope.ServiceProvider.GetRequiredService<MemberImportClaims>()
                .FinishAsync(claim, (job, now) => job.Fail(detail, now), db.SaveChangesAsync, ct);
        }
        catch (LostClaimException)
        {
            LogLostClaim(logger, claim.JobId, claim.MunicipalityCode);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The lease runs out and another replica takes the job up again (counted as an interruption).
            LogNotRecorded(logger, exception, claim.JobId);
        }
    }

    /// <summary>Shutting down: hand the job back so that another replica takes it at once instead of when the lease ends.</summary>
    private async Task ReleaseAsync(ImportClaim claim)
    {
        try
        {
            using var timeout = new CancellationTokenSource(ReleaseTimeout);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MemberImportClaims>().ReleaseAsync(claim, timeout.Token);
        }
        catch (Exception exception)
        {
            LogNotReleased(logger, exception, claim.JobId);
        }
    }

    /// <summary>Writes the progress and renews the lease every heartbeat; cancels the run when another replica holds the job.</summary>
    private async Task BeatAsync(ImportClaim claim, LatestProgress progress, CancellationTokenSource lost, CancellationToken stop)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var claims = scope.ServiceProvider.GetRequiredService<MemberImportClaims>();
            using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, clock);
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    if (!await claims.RenewAsync(claim, progress.Latest, stop))
                    {
                        await lost.CancelAsync();
                        return;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A missed beat is no loss while the lease lasts; the next one tries again.
                    LogBeatFailed(logger, exception, claim.JobId);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run ended.
        }
    }

    /// <summary>Keeps the latest report, for the next heartbeat (reports come on the validating thread, many per beat).</summary>
    private sealed class LatestProgress(ImportProgress initial) : IProgress<ImportProgress>
    {
        private ImportProgress _latest = initial;

        public ImportProgress Latest => Volatile.Read(ref _latest);

        public void Report(ImportProgress value) => Volatile.Write(ref _latest, value);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Member import job {JobId} for {MunicipalityCode} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid jobId, string municipalityCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Member import job {JobId} for {MunicipalityCode} was taken over by another replica; this one stopped it and wrote nothing")]
    private static partial void LogLostClaim(ILogger logger, Guid jobId, string municipalityCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the failure of member import job {JobId}; it will be taken up again when its lease ends")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not hand back member import job {JobId} while stopping; another replica takes it when its lease ends")]
    private static partial void LogNotReleased(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lease of member import job {JobId}")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception, Guid jobId);
}
