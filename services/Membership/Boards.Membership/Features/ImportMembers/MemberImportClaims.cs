using Boards.Membership.Data;
using Microsoft.Extensions.Options;

namespace Boards.Membership.Features.ImportMembers;

/// <summary>A job this replica holds: only this token may write its progress and its end.</summary>
public sealed record ImportClaim(Guid JobId, Guid Token, string MunicipalityCode, long ExpectedVersion, int TotalRows, ImportStarter Starter)
{
    /// <summary>The scope of whoever sent the file, as it was when the job was accepted.</summary>
    public Caller Caller => new(Starter.Subject, Starter.Name, Starter.Roles.ToHashSet(StringComparer.Ordinal), Starter.Municipality, null);
}

/// <summary>The claim was taken over by another replica (this one's lease ran out): this replica writes nothing more.</summary>
public sealed class LostClaimException(Guid jobId) : Exception($"Member import job {jobId} is claimed by another replica.");

/// <summary>
/// The leases on import jobs, shared by every replica through membershipdb. A replica claims the oldest unfinished job
/// whose lease is free or expired, with <c>FOR UPDATE SKIP LOCKED</c> so that two replicas never take the same one, and
/// renews the lease while it runs. Its end is written with the job's row locked and only while the claim is still its
/// own, in the same transaction as the members.
/// </summary>
public sealed class MemberImportClaims(MembershipDbContext db, IOptions<MemberImportOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Claims the next job for <paramref name="replica"/>, or null when none waits. A job interrupted too often (its
    /// replicas died while running it) is failed on the way.
    /// </summary>
    public async Task<ImportClaim?> ClaimNextAsync(string replica, CancellationToken ct)
    {
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var found = await db.MemberImportJobs.FromSql($"""
                SELECT * FROM member_import_jobs
                WHERE "FinishedAt" IS NULL AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {now})
                ORDER BY "Id" LIMIT 1 FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            var job = found.SingleOrDefault();
            if (job is null)
            {
                return null;
            }

            var token = Guid.NewGuid();
            job.Claim(replica, token, now + options.Value.LeaseDuration);
            if (job.Interruptions >= options.Value.MaxInterruptions)
            {
                job.Fail($"La importación se interrumpió {job.Interruptions} veces sin terminar; no se importó ningún miembro. Vuelva a enviar el archivo.", now);
                await DeleteFileAsync(job.Id, ct);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            if (!job.IsFinished)
            {
                return new ImportClaim(job.Id, token, job.MunicipalityCode, job.ExpectedVersion, job.TotalRows, job.Starter);
            }
        }
    }

    /// <summary>The uploaded file of a claimed job.</summary>
    public Task<byte[]> FileAsync(ImportClaim claim, CancellationToken ct) =>
        db.MemberImportFiles.AsNoTracking().Where(f => f.JobId == claim.JobId).Select(f => f.Content).SingleAsync(ct);

    /// <summary>Writes the progress and renews the lease; false when the claim is no longer this replica's.</summary>
    public async Task<bool> RenewAsync(ImportClaim claim, ImportProgress progress, CancellationToken ct)
    {
        var leaseUntil = clock.GetUtcNow() + options.Value.LeaseDuration;
        // One conditional UPDATE, not load and save: it runs every heartbeat, and the token check is the point.
        var renewed = await db.MemberImportJobs
            .Where(j => j.Id == claim.JobId && j.ClaimToken == claim.Token && j.FinishedAt == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.Status, progress.Phase)
                .SetProperty(j => j.ProcessedRows, progress.ProcessedRows)
                .SetProperty(j => j.LeaseUntil, leaseUntil), ct);
        return renewed == 1;
    }

    /// <summary>
    /// Ends the job with <paramref name="finish"/> and deletes its file; <paramref name="save"/> writes it together with
    /// whatever else the context holds (the imported members), in one transaction. The job's row is locked first, so no
    /// replica can claim it meanwhile; <see cref="LostClaimException"/> when the claim is no longer this one's (then
    /// nothing is written).
    /// </summary>
    public async Task FinishAsync(ImportClaim claim, Action<MemberImportJob, DateTimeOffset> finish, Func<CancellationToken, Task> save, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var job = await LockAsync(claim, ct);
        finish(job, clock.GetUtcNow());
        await DeleteFileAsync(job.Id, ct);
        await save(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Hands the job back unfinished, for another replica to take at once (this one is stopping).</summary>
    public async Task ReleaseAsync(ImportClaim claim, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var job = await LockAsync(claim, ct);
        job.Release();
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Deletes the jobs that finished before <paramref name="before"/> (their files went when they finished).</summary>
    public Task<int> SweepAsync(DateTimeOffset before, CancellationToken ct) =>
        db.MemberImportJobs.Where(j => j.FinishedAt < before).ExecuteDeleteAsync(ct);

    private async Task<MemberImportJob> LockAsync(ImportClaim claim, CancellationToken ct)
    {
        var job = (await db.MemberImportJobs
            .FromSql($"""SELECT * FROM member_import_jobs WHERE "Id" = {claim.JobId} FOR UPDATE""")
            .ToListAsync(ct)).Single();
        return job.IsClaimedWith(claim.Token) ? job : throw new LostClaimException(claim.JobId);
    }

    private Task<int> DeleteFileAsync(Guid jobId, CancellationToken ct) =>
        db.MemberImportFiles.Where(f => f.JobId == jobId).ExecuteDeleteAsync(ct);
}
