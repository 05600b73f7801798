using System.Net;
using System.Text;
using Boards.Membership.Features.ImportMembers;
using Boards.Testing;
using Microsoft.Extensions.Options;

namespace Boards.Membership.Tests.Import;

/// <summary>
/// Issue 21, several replicas: import jobs live in membershipdb. A job accepted by one replica is followed from another;
/// a job whose replica died (its lease expired) or stopped (it handed the job back) is finished by a replica that is
/// alive, without duplicating members; a replica whose lease was taken over writes nothing; finished jobs lose their
/// file at once and are swept after their retention. Two hosts on one database, real tokens.
/// </summary>
public sealed class ImportJobReplicaTests(TwoReplicasHost host) : IClassFixture<TwoReplicasHost>
{
    private const int Rows = 600;
    private static readonly ImportStarter Admin = new("admin-sub", "ministry-admin", [BoardsRoles.MinistryAdmin], null);

    [Fact]
    public async Task A_job_accepted_by_replica_A_is_followed_to_its_end_from_replica_B()
    {
        var code = await host.NewBoardAsync();
        var focal = await host.TokenAsync(code, BoardsRoles.FocalPoint);
        using var onA = host.ClientA(focal);
        using var onB = host.ClientB(focal);

        using var csv = new StringContent(ImportMembersTests.Generated(1000), Encoding.UTF8, "text/csv");
        var posted = await onA.PostAsync($"/api/boards/{code}/members/import", csv);
        var accepted = await posted.JsonAsync(HttpStatusCode.Accepted);
        var location = posted.Headers.Location!.ToString();

        var first = await (await onB.GetAsync(location)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((accepted.Str("id"), 1000), (first.Str("id"), first.Int("totalRows")));
        var last = await FollowAsync(onB, location);

        Assert.Equal(("completed", 1000, 100, 1000), (last.Str("status"), last.Int("processedRows"), last.Int("percent"), last.Int("added")));
        Assert.Equal("Se agregaron 1000 miembros.", last.Str("detail"));
        var roster = await (await onB.GetAsync($"/api/boards/{code}/members")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1000, roster.GetArrayLength());
        Assert.Equal(last.Long("boardVersion"), (await (await onB.GetAsync($"/api/boards/{code}")).JsonAsync(HttpStatusCode.OK)).Long("version"));

        var job = await host.InDbAsync(db => db.MemberImportJobs.AsNoTracking().SingleAsync(j => j.Id == accepted.Id()));
        Assert.Contains(job.ClaimedBy, new[] { host.ReplicaNameA, host.ReplicaNameB });
        Assert.Null(job.ClaimToken);
        Assert.Null(job.LeaseUntil);
        Assert.Equal([BoardsRoles.FocalPoint], job.StartedByRoles);
        Assert.Equal(code, job.StartedByMunicipality);
        Assert.False(await host.InDbAsync(db => db.MemberImportFiles.AnyAsync(f => f.JobId == job.Id)), "the file outlived its job");
    }

    [Fact]
    public async Task Another_board_asking_for_the_job_on_either_replica_is_told_it_does_not_exist()
    {
        var code = await host.NewBoardAsync();
        var other = await host.NewBoardAsync();
        var job = await InsertJobAsync(code, ImportMembersTests.Generated(Rows), j => j.Claim("replica-lenta", Guid.NewGuid(), DateTimeOffset.UtcNow.AddHours(1)));
        await using var _ = Cleanup(job);
        using var otherFocalOnB = host.ClientB(await host.TokenAsync(other, BoardsRoles.FocalPoint));
        using var adminOnA = host.ClientA(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));

        var asOtherBoard = await otherFocalOnB.GetAsync($"/api/boards/{other}/members/import/{job}");
        var asOtherBoardByAdmin = await adminOnA.GetAsync($"/api/boards/{other}/members/import/{job}");
        var notTheirs = await otherFocalOnB.GetAsync($"/api/boards/{code}/members/import/{job}");

        var problem = await asOtherBoard.JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal($"No hay una importación '{job}' para la mesa de '{other}'. Las importaciones terminadas se guardan 7 días: vuelva a enviar el archivo.",
            problem.Str("detail"));
        Assert.Equal(HttpStatusCode.NotFound, asOtherBoardByAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notTheirs.StatusCode);
    }

    [Fact]
    public async Task Progress_written_by_the_replica_running_a_job_is_what_the_other_replica_answers()
    {
        var code = await host.NewBoardAsync();
        var token = Guid.NewGuid();
        var id = await InsertJobAsync(code, ImportMembersTests.Generated(Rows), j => j.Claim("replica-en-curso", token, DateTimeOffset.UtcNow.AddHours(1)));
        await using var _ = Cleanup(id);
        var claim = new ImportClaim(id, token, code, 0, Rows, Admin);
        using var onB = host.ClientB(await host.TokenAsync(code, BoardsRoles.FocalPoint));

        var renewed = await host.InScopeAsync(services =>
            services.GetRequiredService<MemberImportClaims>().RenewAsync(claim, new ImportProgress(ImportPhase.Validating, 150, Rows), CancellationToken.None));
        var seen = await (await onB.GetAsync($"/api/boards/{code}/members/import/{id}")).JsonAsync(HttpStatusCode.OK);
        var stranger = await host.InScopeAsync(services =>
            services.GetRequiredService<MemberImportClaims>().RenewAsync(claim with { Token = Guid.NewGuid() }, new ImportProgress(ImportPhase.Writing, Rows, Rows), CancellationToken.None));
        var after = await (await onB.GetAsync($"/api/boards/{code}/members/import/{id}")).JsonAsync(HttpStatusCode.OK);

        Assert.True(renewed);
        Assert.Equal(("validating", 150, 25), (seen.Str("status"), seen.Int("processedRows"), seen.Int("percent")));
        Assert.False(stranger);
        Assert.Equal(("validating", 150), (after.Str("status"), after.Int("processedRows")));
    }

    [Fact]
    public async Task A_job_whose_replica_died_is_finished_by_a_live_replica_without_duplicate_members()
    {
        var code = await host.NewBoardAsync();
        var csv = ImportMembersTests.Generated(Rows);
        // The dead replica had claimed the job and got half way; its lease ran out a second ago.
        var id = await InsertJobAsync(code, csv, j => j.Claim("replica-caida", Guid.NewGuid(), DateTimeOffset.UtcNow.AddSeconds(-1)));
        using var onB = host.ClientB(await host.TokenAsync(code, BoardsRoles.FocalPoint));

        var last = await FollowAsync(onB, $"/api/boards/{code}/members/import/{id}");

        Assert.Equal(("completed", Rows), (last.Str("status"), last.Int("added")));
        var names = await MemberNamesAsync(code);
        Assert.Equal(Rows, names.Count);
        Assert.Equal(Rows, names.Distinct().Count());
        var job = await host.InDbAsync(db => db.MemberImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal(1, job.Interruptions);
        Assert.Contains(job.ClaimedBy, new[] { host.ReplicaNameA, host.ReplicaNameB });
        Assert.False(await host.InDbAsync(db => db.MemberImportFiles.AnyAsync(f => f.JobId == id)));
    }

    [Fact]
    public async Task A_replica_whose_lease_was_taken_over_writes_nothing_and_the_new_holder_imports_once()
    {
        var code = await host.NewBoardAsync();
        var staleToken = Guid.NewGuid();
        var id = await InsertJobAsync(code, ImportMembersTests.Generated(Rows), j => j.Claim("replica-lenta", staleToken, DateTimeOffset.UtcNow.AddHours(1)));
        // Replica "lenta" paused longer than its lease; "nueva" claimed the job meanwhile (and holds it for now).
        var newToken = Guid.NewGuid();
        await ChangeJobAsync(id, j => j.Claim("replica-nueva", newToken, DateTimeOffset.UtcNow.AddHours(1)));

        await host.Services.GetRequiredService<MemberImportRunner>().RunAsync(new ImportClaim(id, staleToken, code, 0, Rows, Admin), CancellationToken.None);

        Assert.Empty(await MemberNamesAsync(code));
        var held = await host.InDbAsync(db => db.MemberImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal(((Guid?)newToken, "replica-nueva", (DateTimeOffset?)null), (held.ClaimToken, held.ClaimedBy, held.FinishedAt));
        Assert.True(await host.InDbAsync(db => db.MemberImportFiles.AnyAsync(f => f.JobId == id)), "the stale replica deleted the file");

        // "nueva" dies too, and its lease runs out: a live replica takes over and imports every row once.
        await host.InDbAsync(db => db.MemberImportJobs.Where(j => j.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.LeaseUntil, DateTimeOffset.UtcNow.AddSeconds(-1))));
        using var onA = host.ClientA(await host.TokenAsync(code, BoardsRoles.FocalPoint));
        var last = await FollowAsync(onA, $"/api/boards/{code}/members/import/{id}");
        Assert.Equal(("completed", Rows), (last.Str("status"), last.Int("added")));
        Assert.Equal(Rows, (await MemberNamesAsync(code)).Distinct().Count());
    }

    [Fact]
    public async Task A_replica_stopping_hands_its_job_back_and_another_finishes_it_at_once()
    {
        var code = await host.NewBoardAsync();
        var token = Guid.NewGuid();
        // Held for an hour: only handing it back lets another replica take it within the test's patience.
        var id = await InsertJobAsync(code, ImportMembersTests.Generated(Rows), j => j.Claim("replica-que-se-detiene", token, DateTimeOffset.UtcNow.AddHours(1)));
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        await host.ReplicaB.Services.GetRequiredService<MemberImportRunner>().RunAsync(new ImportClaim(id, token, code, 0, Rows, Admin), stopping.Token);

        using var onA = host.ClientA(await host.TokenAsync(code, BoardsRoles.FocalPoint));
        var last = await FollowAsync(onA, $"/api/boards/{code}/members/import/{id}");
        Assert.Equal(("completed", Rows), (last.Str("status"), last.Int("added")));
        Assert.Equal(Rows, (await MemberNamesAsync(code)).Count);
        var job = await host.InDbAsync(db => db.MemberImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal(0, job.Interruptions);
    }

    [Fact]
    public async Task A_job_interrupted_too_often_fails_and_loses_its_file_instead_of_running_again()
    {
        var code = await host.NewBoardAsync();
        var maxInterruptions = host.Services.GetRequiredService<IOptions<MemberImportOptions>>().Value.MaxInterruptions;
        var id = await InsertJobAsync(code, ImportMembersTests.Generated(Rows), j =>
        {
            for (var i = 0; i < maxInterruptions; i++)
            {
                j.Claim($"replica-caida-{i}", Guid.NewGuid(), DateTimeOffset.UtcNow.AddSeconds(-1));
            }
        });
        using var onB = host.ClientB(await host.TokenAsync(code, BoardsRoles.FocalPoint));

        var last = await FollowAsync(onB, $"/api/boards/{code}/members/import/{id}");

        Assert.Equal(("failed", 0), (last.Str("status"), last.Int("added")));
        Assert.Equal($"La importación se interrumpió {maxInterruptions} veces sin terminar; no se importó ningún miembro. Vuelva a enviar el archivo.", last.Str("detail"));
        Assert.Empty(await MemberNamesAsync(code));
        Assert.False(await host.InDbAsync(db => db.MemberImportFiles.AnyAsync(f => f.JobId == id)));
    }

    [Fact]
    public async Task Pending_jobs_are_counted_across_replicas_and_more_are_refused_with_503()
    {
        var code = await host.NewBoardAsync();
        var max = host.Services.GetRequiredService<IOptions<MemberImportOptions>>().Value.MaxPendingJobs;
        var pending = new List<Guid>();
        await using var _ = new AsyncCleanup(() => host.InDbAsync(db => db.MemberImportJobs.Where(j => pending.Contains(j.Id)).ExecuteDeleteAsync()));
        // Held by a third replica, for an hour: neither A nor B may take them.
        var alreadyPending = await host.InDbAsync(db => db.MemberImportJobs.CountAsync(j => j.FinishedAt == null));
        for (var i = alreadyPending; i < max; i++)
        {
            pending.Add(await InsertJobAsync(code, ImportMembersTests.Generated(Rows), j => j.Claim("replica-ocupada", Guid.NewGuid(), DateTimeOffset.UtcNow.AddHours(1))));
        }

        using var onB = host.ClientB(await host.TokenAsync(code, BoardsRoles.FocalPoint));
        using var csv = new StringContent(ImportMembersTests.Generated(Rows), Encoding.UTF8, "text/csv");
        var refused = await (await onB.PostAsync($"/api/boards/{code}/members/import", csv)).JsonAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Equal("Hay demasiadas importaciones en curso.", refused.Str("title"));
        Assert.Equal(max, await host.InDbAsync(db => db.MemberImportJobs.CountAsync(j => j.FinishedAt == null)));
    }

    [Fact]
    public async Task The_sweep_deletes_finished_jobs_after_their_retention_and_keeps_the_rest()
    {
        var code = await host.NewBoardAsync();
        var retention = host.Services.GetRequiredService<IOptions<MemberImportOptions>>().Value.JobRetention;
        var old = await InsertJobAsync(code, null, j => Finish(j, DateTimeOffset.UtcNow - retention - TimeSpan.FromMinutes(1)));
        var recent = await InsertJobAsync(code, null, j => Finish(j, DateTimeOffset.UtcNow - retention + TimeSpan.FromMinutes(10)));
        var waiting = await InsertJobAsync(code, ImportMembersTests.Generated(Rows), j => j.Claim("replica-ocupada", Guid.NewGuid(), DateTimeOffset.UtcNow.AddHours(1)));
        await using var _ = Cleanup(waiting);

        var swept = await host.ReplicaB.Services.GetRequiredService<MemberImportSweep>().SweepOnceAsync(CancellationToken.None);

        var left = await host.InDbAsync(db => db.MemberImportJobs.Where(j => j.MunicipalityCode == code).Select(j => j.Id).ToListAsync());
        Assert.True(swept >= 1);
        Assert.Equal(new[] { recent, waiting }.Order().ToArray(), left.Order().ToArray());
        Assert.DoesNotContain(old, left);
        Assert.True(await host.InDbAsync(db => db.MemberImportFiles.AnyAsync(f => f.JobId == waiting)), "the sweep took an unfinished job's file");
    }

    /// <summary>Deletes jobs a test left unfinished on purpose, so they do not count as pending in the next tests.</summary>
    private AsyncCleanup Cleanup(params Guid[] jobs) =>
        new(() => host.InDbAsync(db => db.MemberImportJobs.Where(j => jobs.Contains(j.Id)).ExecuteDeleteAsync()));

    private sealed class AsyncCleanup(Func<Task> cleanup) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await cleanup();
    }

    private static void Finish(MemberImportJob job, DateTimeOffset at)
    {
        job.Claim("replica-vieja", Guid.NewGuid(), at.AddMinutes(1));
        job.Complete(1, 2, at);
    }

    /// <summary>Writes a job (and its file, when given) straight into the shared database, as a replica would have.</summary>
    private Task<Guid> InsertJobAsync(string code, string? csv, Action<MemberImportJob> state) =>
        host.InDbAsync(async db =>
        {
            var job = MemberImportJob.Queue(code, Rows, 0, Admin, DateTimeOffset.UtcNow);
            state(job);
            db.MemberImportJobs.Add(job);
            if (csv is not null)
            {
                db.MemberImportFiles.Add(new MemberImportFile(job.Id, Encoding.UTF8.GetBytes(csv)));
            }

            await db.SaveChangesAsync();
            return job.Id;
        });

    private Task<int> ChangeJobAsync(Guid id, Action<MemberImportJob> change) =>
        host.InDbAsync(async db =>
        {
            change(await db.MemberImportJobs.SingleAsync(j => j.Id == id));
            return await db.SaveChangesAsync();
        });

    private Task<List<string>> MemberNamesAsync(string code) =>
        host.InDbAsync(db => db.Boards.Where(b => b.MunicipalityCode == code).SelectMany(b => b.Members).Select(m => m.PersonName).ToListAsync());

    /// <summary>Polls the job until it has finished; the last answer.</summary>
    private static async Task<JsonElement> FollowAsync(HttpClient client, string location)
    {
        JsonElement last = default;
        await TwoReplicasHost.WaitUntilAsync(async () =>
        {
            last = await (await client.GetAsync(location)).JsonAsync(HttpStatusCode.OK);
            return last.Str("status") is "completed" or "failed";
        }, $"import job {location} to finish");
        return last;
    }
}
