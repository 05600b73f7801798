using Boards.BuildingBlocks.Import;
using Boards.Membership.Data;
using Microsoft.Extensions.Options;

namespace Boards.Membership.Features.ImportMembers;

/// <summary>What GET .../members/import/{jobId} answers.</summary>
public sealed record ImportJobView(
    Guid Id,
    string MunicipalityCode,
    ImportPhase Status,
    int ProcessedRows,
    int TotalRows,
    int Percent,
    IReadOnlyList<ImportError>? Errors,
    int? Added,
    long? BoardVersion,
    string? Detail,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt)
{
    public static ImportJobView Of(MemberImportJob job) => new(
        job.Id, job.MunicipalityCode, job.Status, job.ProcessedRows, job.TotalRows, job.Percent, job.Errors, job.Added,
        job.BoardVersion, job.Detail, job.CreatedAt, job.FinishedAt);
}

/// <summary>
/// The import jobs in membershipdb: a job and its file are written when the file is accepted, so any replica can report
/// the job and run it (<see cref="MemberImportWorker"/>), and a restart loses nothing.
/// </summary>
public sealed class MemberImportJobs(MembershipDbContext db, MemberImportSignal signal, IOptions<MemberImportOptions> options, TimeProvider clock)
{
    /// <summary>Stores and queues a job with its file; null when too many are pending (in all replicas together).</summary>
    public async Task<ImportJobView?> TryEnqueueAsync(
        string municipalityCode, byte[] file, int totalRows, long expectedVersion, Caller caller, CancellationToken ct)
    {
        // A soft limit: two replicas counting at the same moment may both accept one more.
        if (await db.MemberImportJobs.CountAsync(j => j.FinishedAt == null, ct) >= options.Value.MaxPendingJobs)
        {
            return null;
        }

        var starter = new ImportStarter(caller.Subject, caller.DisplayName, [.. caller.Roles.Order(StringComparer.Ordinal)], caller.Municipality);
        var job = MemberImportJob.Queue(municipalityCode, totalRows, expectedVersion, starter, clock.GetUtcNow());
        db.MemberImportJobs.Add(job);
        db.MemberImportFiles.Add(new MemberImportFile(job.Id, file));
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return ImportJobView.Of(job);
    }

    /// <summary>The job, if it belongs to that municipality's board: another board's job is not found.</summary>
    public async Task<ImportJobView?> FindAsync(Guid id, string municipalityCode, CancellationToken ct) =>
        await db.MemberImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.MunicipalityCode == municipalityCode, ct) is { } job
            ? ImportJobView.Of(job)
            : null;

    /// <summary>How long finished jobs are kept, in the words of the "not found" answer ("7 días").</summary>
    public string RetentionInWords()
    {
        var retention = options.Value.JobRetention;
        if (retention.Ticks % TimeSpan.TicksPerDay == 0)
        {
            return retention.Days == 1 ? "un día" : $"{retention.Days} días";
        }

        var hours = (int)Math.Ceiling(retention.TotalHours);
        return hours == 1 ? "una hora" : $"{hours} horas";
    }
}

/// <summary>Wakes this replica's worker as soon as it accepts a job, instead of at the next poll.</summary>
public sealed class MemberImportSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up is enough.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
