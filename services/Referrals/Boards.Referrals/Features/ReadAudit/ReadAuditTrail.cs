namespace Boards.Referrals.Features.ReadAudit;

/// <summary>
/// Records every read of personal data (a referral carries names, document and phone) in the append-only
/// personal_data_reads table, in its own SaveChanges (or, for a new referral, in the referral's): one row per referral read, with the door it came through (gRPC,
/// the portal's client, or any other REST client).
/// </summary>
public sealed class ReadAuditTrail(ReferralsDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public const string PortalClient = "boards-portal";

    /// <summary>The action of a write's answer (create, batch item, transition), which carries the person's data.</summary>
    public const string Reply = "reply";

    public async Task RecordAsync(IReadOnlyCollection<Referral> referrals, string action, Caller caller, string? reason, CancellationToken ct)
    {
        if (referrals.Count == 0)
        {
            return;
        }

        var rows = Add(referrals, action, caller, reason);
        await db.SaveChangesAsync(ct);
        // A watch stream records a row per change for hours on one context: keep none of them tracked.
        rows.ForEach(row => db.Entry(row).State = EntityState.Detached);
    }

    /// <summary>
    /// The rows of a read, added to the context without saving: a write whose answer carries the person's data (a new
    /// referral) saves them with itself, in one transaction.
    /// </summary>
    public List<PersonalDataRead> Add(IReadOnlyCollection<Referral> referrals, string action, Caller caller, string? reason)
    {
        var actor = new ReadActor(caller.Subject, caller.DisplayName, caller.Roles);
        var door = Door();
        var now = clock.GetUtcNow();
        var rows = referrals.Select(referral => PersonalDataRead.Of(
            referral, actor, door, action, Disclosure(PersonDisclosure.For(caller, referral, reason is not null)), reason, now)).ToList();
        db.AddRange(rows);
        return rows;
    }

    private static string Disclosure(PersonData shown) => shown switch
    {
        PersonData.Full => "full",
        PersonData.Masked => "masked",
        _ => "anonymised",
    };

    private string Door()
    {
        var context = http.HttpContext;
        if (context?.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            return "grpc";
        }

        var client = context?.User.FindFirst("azp")?.Value ?? context?.User.FindFirst("client_id")?.Value;
        return client == PortalClient ? "portal" : "rest";
    }
}
