using System.Buffers.Text;

namespace Boards.Referrals.Features.ReadAudit;

public sealed record ReadAuditFilter(string? PersonKey, string? Actor, DateTimeOffset? From, DateTimeOffset? To);

public sealed record PersonalDataReadView(
    long Id, DateTimeOffset At, string ActorSubject, string ActorName, string ActorRoles, string Door, string Action,
    string Disclosure, Guid ReferralId, string PersonKey, string? Reason)
{
    public static PersonalDataReadView From(PersonalDataRead read) => new(
        read.Id, read.At, read.ActorSubject, read.ActorName, read.ActorRoles, read.Door, read.Action, read.Disclosure,
        read.ReferralId, read.PersonKey, read.Reason);
}

public sealed record PersonalDataReadPage(IReadOnlyList<PersonalDataReadView> Reads, string? NextPageToken);

/// <summary>
/// The read audit for ministry-admin: who has seen this person's data (person key), what a user has seen (subject or
/// name), in a period; newest first, in pages, or all of it (up to <see cref="MaxExport"/> rows) for an export.
/// </summary>
public sealed class ReadAuditQuery(ReferralsDbContext db)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxExport = 100_000;

    public async Task<PersonalDataReadPage> PageAsync(ReadAuditFilter filter, int pageSize, string? pageToken, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (pageSize is < 0 or > MaxPageSize)
        {
            errors.Add("pageSize", $"El tamaño de página debe estar entre 1 y {MaxPageSize}.");
        }

        long? before = null;
        if (!string.IsNullOrEmpty(pageToken))
        {
            if (pageToken.Length <= 32 && Base64Url.IsValid(pageToken) && Base64Url.DecodeFromChars(pageToken) is { Length: 8 } bytes)
            {
                before = BitConverter.ToInt64(bytes);
            }
            else
            {
                errors.Add("pageToken", "El token de página no es válido.");
            }
        }

        errors.ThrowIfAny();
        var size = pageSize == 0 ? DefaultPageSize : pageSize;
        var query = Filtered(filter);
        if (before is { } cursor)
        {
            query = query.Where(r => r.Id < cursor);
        }

        var reads = await query.OrderByDescending(r => r.Id).Take(size + 1).ToListAsync(ct);
        string? next = null;
        if (reads.Count > size)
        {
            reads.RemoveAt(reads.Count - 1);
            next = Base64Url.EncodeToString(BitConverter.GetBytes(reads[^1].Id));
        }

        return new PersonalDataReadPage([.. reads.Select(PersonalDataReadView.From)], next);
    }

    public async Task<IReadOnlyList<PersonalDataReadView>> AllAsync(ReadAuditFilter filter, CancellationToken ct) =>
        [.. (await Filtered(filter).OrderByDescending(r => r.Id).Take(MaxExport).ToListAsync(ct)).Select(PersonalDataReadView.From)];

    private IQueryable<PersonalDataRead> Filtered(ReadAuditFilter filter)
    {
        var query = db.Set<PersonalDataRead>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.PersonKey))
        {
            var key = filter.PersonKey.Trim();
            query = query.Where(r => r.PersonKey == key);
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = query.Where(r => r.ActorSubject == actor || r.ActorName == actor);
        }

        if (filter.From is { } from)
        {
            query = query.Where(r => r.At >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(r => r.At < to);
        }

        return query;
    }
}
