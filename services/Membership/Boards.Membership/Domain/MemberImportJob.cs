using Boards.BuildingBlocks.Import;

namespace Boards.Membership.Domain;

public enum ImportPhase
{
    Queued = 1,
    Validating,
    Writing,
    Completed,
    Failed,
}

/// <summary>Who sent the file: the job runs later, maybe in another replica, with the scope they had when it was accepted.</summary>
public sealed record ImportStarter(string Subject, string Name, IReadOnlyList<string> Roles, string? Municipality);

/// <summary>
/// A member import that runs in the background (docs/member-import.md), kept in the database so that any replica can
/// report it and, if the replica running it dies, another can take it over. A replica claims it with a lease it keeps
/// renewing; the claim token fences a replica whose lease ran out: only the token holder may finish the job. The
/// uploaded file is kept apart (<see cref="MemberImportFile"/>) and deleted when the job finishes.
/// Progress: while validating, ProcessedRows counts the rows checked and Percent follows them up to 99; writing (one
/// transaction) keeps 99; a finished job (completed, or failed after checking every row) is 100.
/// </summary>
public sealed class MemberImportJob
{
    private MemberImportJob()
    {
    }

    public Guid Id { get; private init; }
    public string MunicipalityCode { get; private init; } = "";
    public long ExpectedVersion { get; private init; }
    public int TotalRows { get; private init; }
    public string StartedBy { get; private init; } = "";
    public string StartedByName { get; private init; } = "";
    public List<string> StartedByRoles { get; private init; } = [];
    public string? StartedByMunicipality { get; private init; }
    public DateTimeOffset CreatedAt { get; private init; }

    public ImportPhase Status { get; private set; }
    public int ProcessedRows { get; private set; }
    public IReadOnlyList<ImportError>? Errors { get; private set; }
    public int? Added { get; private set; }
    public long? BoardVersion { get; private set; }
    public string? Detail { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>The replica that claimed the job last (kept after it finishes, to tell who ran it).</summary>
    public string? ClaimedBy { get; private set; }
    /// <summary>The current claim; null while nobody holds the job and once it has finished.</summary>
    public Guid? ClaimToken { get; private set; }
    public DateTimeOffset? LeaseUntil { get; private set; }
    /// <summary>Claims that ended without finishing or handing the job back: the replica died (or lost its lease).</summary>
    public int Interruptions { get; private set; }

    public bool IsFinished => Status is ImportPhase.Completed or ImportPhase.Failed;

    public ImportStarter Starter => new(StartedBy, StartedByName, StartedByRoles, StartedByMunicipality);

    public int Percent => TotalRows == 0 ? 0 : (int)Math.Min(IsFinished ? 100 : 99, 100L * ProcessedRows / TotalRows);

    public static MemberImportJob Queue(string municipalityCode, int totalRows, long expectedVersion, ImportStarter starter, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        MunicipalityCode = municipalityCode,
        ExpectedVersion = expectedVersion,
        TotalRows = totalRows,
        StartedBy = starter.Subject,
        StartedByName = starter.Name,
        StartedByRoles = [.. starter.Roles],
        StartedByMunicipality = starter.Municipality,
        CreatedAt = now,
        Status = ImportPhase.Queued,
    };

    public bool IsClaimedWith(Guid token) => ClaimToken == token && !IsFinished;

    /// <summary>Takes the job for <paramref name="replica"/>; a job still claimed by someone else counts an interruption.</summary>
    public void Claim(string replica, Guid token, DateTimeOffset leaseUntil)
    {
        EnsureRunning();
        if (ClaimToken is not null)
        {
            Interruptions++;
        }

        ClaimedBy = replica;
        ClaimToken = token;
        LeaseUntil = leaseUntil;
        Status = ImportPhase.Validating;
        ProcessedRows = 0;
    }

    /// <summary>Hands the job back unfinished (the replica is stopping): another replica takes it at once, from the start.</summary>
    public void Release()
    {
        EnsureRunning();
        ClaimToken = null;
        LeaseUntil = null;
        Status = ImportPhase.Queued;
        ProcessedRows = 0;
    }

    public void Complete(int added, long boardVersion, DateTimeOffset now)
    {
        Finish(ImportPhase.Completed, now);
        ProcessedRows = TotalRows;
        Added = added;
        BoardVersion = boardVersion;
        Detail = $"Se agregaron {added} miembros.";
    }

    /// <summary>Every row was checked and some have errors: nothing was written.</summary>
    public void FailOnRows(IReadOnlyList<ImportError> errors, long boardVersion, DateTimeOffset now)
    {
        Finish(ImportPhase.Failed, now);
        ProcessedRows = TotalRows;
        Errors = errors;
        Added = 0;
        BoardVersion = boardVersion;
        Detail = $"El archivo tiene {errors.Count} errores; no se importó ningún miembro.";
    }

    /// <summary>The job stopped for a reason that is not a row (scope, a stale version, a concurrent writer, interruptions).</summary>
    public void Fail(string detail, DateTimeOffset now)
    {
        Finish(ImportPhase.Failed, now);
        Added = 0;
        Detail = detail;
    }

    private void Finish(ImportPhase status, DateTimeOffset now)
    {
        EnsureRunning();
        Status = status;
        FinishedAt = now;
        ClaimToken = null;
        LeaseUntil = null;
    }

    private void EnsureRunning()
    {
        if (IsFinished)
        {
            throw new PreconditionFailedException(PreconditionFailedException.State, Codes.Of(Status), "La importación ya terminó.");
        }
    }
}

/// <summary>The uploaded file of a job (it holds people's names and sensitive flags): kept only until the job finishes.</summary>
public sealed class MemberImportFile
{
    private MemberImportFile()
    {
    }

    public MemberImportFile(Guid jobId, byte[] content)
    {
        JobId = jobId;
        Content = content;
    }

    public Guid JobId { get; private init; }
    public byte[] Content { get; private init; } = [];
}
