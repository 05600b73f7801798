using System.Buffers.Text;
using Boards.Referrals.Features.ReadAudit;

namespace Boards.Referrals.Features.ListReferrals;

public sealed record ListReferralsQuery(string? MunicipalityCode, IReadOnlyList<ReferralStatus> Statuses, bool OverdueOnly, int PageSize, string? PageToken);

public sealed record ListReferralsPage(IReadOnlyList<Referral> Referrals, string? NextPageToken, int TotalCount);

/// <summary>
/// Referrals within the caller's scope, newest first, with keyset paging on the (time-ordered) UUIDv7 id. A page also
/// ends early when its referrals would pass <see cref="PageBudgetBytes"/>, so that any page fits in one gRPC reply
/// (4 MiB) however long the referrals' texts are; the next page token goes on from there.
/// </summary>
public sealed class ListReferralsHandler(ReferralsDbContext db, ReadAuditTrail audit, TimeProvider clock)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const long PageBudgetBytes = 2 * 1024 * 1024;

    public async Task<ListReferralsPage> HandleAsync(ListReferralsQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (query.PageSize is < 0 or > MaxPageSize)
        {
            errors.Add("pageSize", $"El tamaño de página debe estar entre 1 y {MaxPageSize}.");
        }

        Guid? after = null;
        if (!string.IsNullOrEmpty(query.PageToken))
        {
            if (Base64Url.IsValid(query.PageToken) && Base64Url.DecodeFromChars(query.PageToken) is { Length: 16 } bytes)
            {
                after = new Guid(bytes);
            }
            else
            {
                errors.Add("pageToken", "El token de página no es válido.");
            }
        }

        errors.ThrowIfAny();
        var municipality = string.IsNullOrWhiteSpace(query.MunicipalityCode) ? null : query.MunicipalityCode.Trim().ToLowerInvariant();
        var scoped = ReferralScope.Apply(db.Referrals.AsNoTracking(), caller, municipality);
        if (query.Statuses.Count > 0)
        {
            scoped = scoped.Where(r => query.Statuses.Contains(r.Status));
        }

        if (query.OverdueOnly)
        {
            var now = clock.GetUtcNow();
            scoped = scoped.Where(r =>
                (r.Status == ReferralStatus.Requested && r.AcceptBy < now) ||
                ((r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.InProgress || r.Status == ReferralStatus.OnHold) &&
                 r.CounterReferBy < now));
        }

        var total = await scoped.CountAsync(cancellationToken);
        var pageSize = query.PageSize == 0 ? DefaultPageSize : query.PageSize;
        var page = after is { } cursor ? scoped.Where(r => r.Id.CompareTo(cursor) < 0) : scoped;
        var referrals = await page.OrderByDescending(r => r.Id).Take(pageSize + 1).ToListAsync(cancellationToken);

        var kept = KeptWithinBudget(referrals, pageSize);
        string? next = null;
        if (referrals.Count > kept)
        {
            referrals.RemoveRange(kept, referrals.Count - kept);
            next = Base64Url.EncodeToString(referrals[^1].Id.ToByteArray());
        }

        await audit.RecordAsync(referrals, "list", caller, null, cancellationToken);
        return new ListReferralsPage(referrals, next, total);
    }

    /// <summary>How many of the loaded referrals the page keeps: at most the page size, and at least one.</summary>
    private static int KeptWithinBudget(List<Referral> referrals, int pageSize)
    {
        long bytes = 0;
        for (var i = 0; i < referrals.Count && i < pageSize; i++)
        {
            bytes += ReferralSize.Estimate(referrals[i]);
            if (i > 0 && bytes > PageBudgetBytes)
            {
                return i;
            }
        }

        return Math.Min(referrals.Count, pageSize);
    }
}
