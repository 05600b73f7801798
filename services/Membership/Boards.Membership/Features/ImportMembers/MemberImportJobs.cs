using System.Collections.Concurrent;
using System.Threading.Channels;
using Boards.BuildingBlocks.Import;
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
    DateTimeOffset? FinishedAt);

/// <summary>
/// One import running in the background. Progress: while validating, ProcessedRows counts the rows checked and Percent
/// follows them up to 99; writing (one transaction) keeps 99; a finished job (completed, or failed after checking every
/// row) is 100.
/// </summary>
public sealed class ImportJob
{
    private readonly Lock _lock = new();
    private ImportPhase _status = ImportPhase.Queued;
    private int _processed;
    private IReadOnlyList<ImportError>? _errors;
    private int? _added;
    private long? _boardVersion;
    private string? _detail;
    private DateTimeOffset? _finishedAt;

    public ImportJob(string municipalityCode, CsvTable table, long expectedVersion, Caller caller, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        MunicipalityCode = municipalityCode;
        Table = table;
        ExpectedVersion = expectedVersion;
        Caller = caller;
        CreatedAt = now;
        TotalRows = table.Records.Count;
    }

    public Guid Id { get; }
    public string MunicipalityCode { get; }
    public long ExpectedVersion { get; }
    public Caller Caller { get; }
    public DateTimeOffset CreatedAt { get; }
    public int TotalRows { get; }

    /// <summary>The parsed file; released when the job finishes.</summary>
    public CsvTable Table { get; private set; }

    public bool IsFinished
    {
        get
        {
            lock (_lock)
            {
                return _status is ImportPhase.Completed or ImportPhase.Failed;
            }
        }
    }

    public DateTimeOffset? FinishedAt
    {
        get
        {
            lock (_lock)
            {
                return _finishedAt;
            }
        }
    }

    public void Report(ImportProgress progress)
    {
        lock (_lock)
        {
            _status = progress.Phase;
            _processed = progress.ProcessedRows;
        }
    }

    public void Complete(ImportOutcome outcome, DateTimeOffset now)
    {
        lock (_lock)
        {
            _status = outcome.Succeeded ? ImportPhase.Completed : ImportPhase.Failed;
            _processed = outcome.TotalRows;
            _errors = outcome.Succeeded ? null : outcome.Errors;
            _added = outcome.Added;
            _boardVersion = outcome.BoardVersion;
            _detail = outcome.Succeeded
                ? $"Se agregaron {outcome.Added} miembros."
                : $"El archivo tiene {outcome.Errors.Count} errores; no se importó ningún miembro.";
            _finishedAt = now;
            Table = Table with { Records = [] };
        }
    }

    /// <summary>The job stopped for a reason that is not a row (scope, a stale version, a concurrent writer, shutdown).</summary>
    public void Fail(string detail, DateTimeOffset now)
    {
        lock (_lock)
        {
            _status = ImportPhase.Failed;
            _added = 0;
            _detail = detail;
            _finishedAt = now;
            Table = Table with { Records = [] };
        }
    }

    public ImportJobView View()
    {
        lock (_lock)
        {
            var finished = _status is ImportPhase.Completed or ImportPhase.Failed;
            var percent = TotalRows == 0 ? 0 : (int)Math.Min(finished ? 100 : 99, 100L * _processed / TotalRows);
            return new ImportJobView(Id, MunicipalityCode, _status, _processed, TotalRows, percent, _errors, _added, _boardVersion, _detail, CreatedAt, _finishedAt);
        }
    }
}

/// <summary>
/// The in-memory registry and queue of import jobs (a singleton). A restart loses queued and running jobs: nothing of
/// theirs was written (the write is one transaction), and the caller must submit the file again.
/// </summary>
public sealed class MemberImportJobs(IOptions<MemberImportOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();
    private readonly Channel<ImportJob> _queue = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<ImportJob> Queue => _queue.Reader;

    /// <summary>Registers and queues a job; null when too many are pending.</summary>
    public ImportJob? TryEnqueue(string municipalityCode, CsvTable table, long expectedVersion, Caller caller)
    {
        var now = clock.GetUtcNow();
        foreach (var old in _jobs.Values.Where(j => j.FinishedAt is { } finished && now - finished > options.Value.JobRetention))
        {
            _jobs.TryRemove(old.Id, out _);
        }

        if (_jobs.Values.Count(j => !j.IsFinished) >= options.Value.MaxPendingJobs)
        {
            return null;
        }

        var job = new ImportJob(municipalityCode, table, expectedVersion, caller, now);
        _jobs[job.Id] = job;
        _queue.Writer.TryWrite(job);
        return job;
    }

    public ImportJob? Find(Guid id) => _jobs.TryGetValue(id, out var job) ? job : null;
}
