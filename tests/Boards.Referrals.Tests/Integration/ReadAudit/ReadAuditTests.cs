using System.Text;
using Grpc.Core.Interceptors;
using Npgsql;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Tests.Integration.ReadAudit;

/// <summary>
/// Every read of a person's data leaves a row that nobody can change: who, when, which referral and person key, through
/// which door and doing what. ministry-admin reads the trail by person key, user and period, and exports it.
/// </summary>
[Collection(BatchCollection.Name)]
public sealed class ReadAuditTests(BatchHost host)
{
    [Fact]
    public async Task A_get_a_list_page_and_a_grpc_get_each_leave_a_row_with_who_what_and_the_door()
    {
        var (id, personKey) = await NewReferralAsync();
        using var focal = host.Client(await host.TokenAsync("pilar", BoardsRoles.FocalPoint));
        var grpc = new Proto.ReferralService.ReferralServiceClient(
            host.Channel().Intercept(new BearerToken(await host.TokenAsync("pilar", BoardsRoles.FocalPoint))));

        await (await focal.GetAsync($"/api/referrals/{id}")).JsonAsync(HttpStatusCode.OK);
        await (await focal.GetAsync("/api/referrals?municipalityCode=pilar&pageSize=200")).JsonAsync(HttpStatusCode.OK);
        await grpc.GetReferralAsync(new Proto.GetReferralRequest { Id = id.ToString() });

        var reads = (await ReadsAsync(id)).Where(r => r.Action != "reply").ToList(); // the create's answer is the integrator's
        Assert.Contains(reads, r => r is { Action: "get", Door: "rest" });
        Assert.Contains(reads, r => r is { Action: "list", Door: "rest" });
        Assert.Contains(reads, r => r is { Action: "get", Door: "grpc" });
        Assert.All(reads, r =>
        {
            Assert.Equal(personKey, r.PersonKey);
            Assert.Equal("t-focal-point-pilar", r.ActorName);
            Assert.Contains(BoardsRoles.FocalPoint, r.ActorRoles, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_answers_of_a_create_a_batch_and_a_transition_carry_the_person_and_are_recorded_as_replies()
    {
        var (id, personKey) = await NewReferralAsync();
        using var destination = host.Client(await host.TokenAsync("pilar", BoardsRoles.FocalPoint));
        await (await destination.PostJsonAsync($"/api/referrals/{id}/accept", new { })).JsonAsync(HttpStatusCode.OK);
        var service = BatchRequests.NewServiceCode();
        host.Catalog.Answer(service, BatchRequests.Available);
        var batch = new Proto.BatchCreateReferralsRequest();
        batch.Items.Add(BatchRequests.Item(BatchRequests.NewReferenceId("audit"), service));
        var batched = Guid.Parse((await (await host.IntegratorClientAsync()).BatchCreateReferralsAsync(batch)).Results[0].Referral.Id);

        var replies = (await ReadsAsync(id)).Where(r => r.Action == "reply").ToList();
        Assert.Equal(2, replies.Count); // the integrator's create, the focal point's accept
        Assert.Contains(replies, r => r is { Door: "grpc", Disclosure: "full" } && r.ActorRoles.Contains(BoardsRoles.Integrator, StringComparison.Ordinal));
        Assert.Contains(replies, r => r is { Door: "rest", ActorName: "t-focal-point-pilar" });
        Assert.All(replies, r => Assert.Equal(personKey, r.PersonKey));
        Assert.Contains(await ReadsAsync(batched), r => r.Action == "reply");
    }

    [Fact]
    public async Task The_trail_refuses_updates_and_deletes_even_from_the_services_own_connection()
    {
        var (id, _) = await NewReferralAsync();
        using var focal = host.Client(await host.TokenAsync("pilar", BoardsRoles.FocalPoint));
        await (await focal.GetAsync($"/api/referrals/{id}")).JsonAsync(HttpStatusCode.OK);

        var update = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("UPDATE personal_data_reads SET \"ActorName\" = 'nadie'"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("DELETE FROM personal_data_reads"));
        var truncate = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("TRUNCATE personal_data_reads"));

        Assert.All(new[] { update, delete, truncate }, refused => Assert.Contains("solo agregado", refused.MessageText, StringComparison.Ordinal));
        Assert.NotEmpty(await ReadsAsync(id));
    }

    [Fact]
    public async Task Ministry_admin_reads_the_trail_by_person_key_and_user_and_exports_it_others_are_refused()
    {
        var (id, personKey) = await NewReferralAsync();
        using var focal = host.Client(await host.TokenAsync("pilar", BoardsRoles.FocalPoint));
        await (await focal.GetAsync($"/api/referrals/{id}")).JsonAsync(HttpStatusCode.OK);
        using var admin = host.Client(await host.TokenAsync(null, BoardsRoles.MinistryAdmin));

        var byPerson = await (await admin.GetAsync($"/api/referrals/audit?personKey={personKey}")).JsonAsync(HttpStatusCode.OK);
        var byUser = await (await admin.GetAsync("/api/referrals/audit?actor=t-focal-point-pilar&pageSize=1")).JsonAsync(HttpStatusCode.OK);
        using var export = await admin.GetAsync($"/api/referrals/audit/export.csv?personKey={personKey}");
        using var refused = await focal.GetAsync($"/api/referrals/audit?personKey={personKey}");
        var badToken = await (await admin.GetAsync("/api/referrals/audit?pageToken=no-es-un-token")).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Contains(byPerson.GetProperty("reads").EnumerateArray(), r => r.Str("referralId") == id.ToString() && r.Str("action") == "get");
        Assert.Equal(1, byUser.GetProperty("reads").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(byUser.Str("nextPageToken")));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var csv = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync());
        Assert.Contains("Clave de persona", csv, StringComparison.Ordinal);
        Assert.Contains(id.ToString(), csv, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(["pageToken"], badToken.ErrorFields());
    }

    /// <summary>A referral from mspbs in Alto Verá to mds in Pilar, created by the integrator: its id and person key.</summary>
    private async Task<(Guid Id, string PersonKey)> NewReferralAsync()
    {
        var service = BatchRequests.NewServiceCode();
        host.Catalog.Answer(service, BatchRequests.Available);
        var request = BatchRequests.Item("x", service).Referral;
        request.RequestId = $"audit-{Guid.NewGuid():N}";
        var created = await (await host.IntegratorClientAsync()).CreateReferralAsync(request);
        return (Guid.Parse(created.Id), created.PersonKey);
    }

    private Task<List<PersonalDataRead>> ReadsAsync(Guid referralId) =>
        host.InScopeAsync(services => services.GetRequiredService<ReferralsDbContext>().Set<PersonalDataRead>().AsNoTracking()
            .Where(r => r.ReferralId == referralId).ToListAsync());

    private Task<int> ExecuteAsync(string sql) =>
        host.InScopeAsync(services => services.GetRequiredService<ReferralsDbContext>().Database.ExecuteSqlRawAsync(sql));
}
