using System.Collections.Concurrent;
using Boards.Portal.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace Boards.Portal.Naming;

/// <summary>The name lists a page asks <see cref="NameBook"/> to read before it renders.</summary>
[Flags]
public enum NameLists
{
    None = 0,
    Institutions = 1,
    Municipalities = 2,
    Categories = 4,
}

/// <summary>
/// The names a person reads instead of codes: institutions (Referrals' <c>GET /api/institutions</c>), municipalities
/// (Membership's <c>GET /api/municipalities</c>), need categories and each municipality's services (Needs). One per
/// request: a page loads the lists it needs (<see cref="LoadAsync"/>), then it and its child components look names up
/// without waiting. The lists are kept for <see cref="PortalOptions.NameCacheTime"/>: institutions and municipalities
/// for everyone (any signed-in person may read them), categories and service catalogs per person (Needs decides who
/// reads which catalog, so nobody sees a name through another person's read). A list that cannot be read (service down,
/// not allowed) leaves the code itself, and a list that failed is asked again on the next request.
/// </summary>
public sealed class NameBook(BoardsApi api, IMemoryCache cache, IHttpContextAccessor http, PortalOptions options)
{
    private const string InstitutionList = "institutions";
    private const string MunicipalityList = "municipalities";
    private const string CategoryList = "categories";

    private readonly ConcurrentDictionary<string, NameList> _loaded = new(StringComparer.Ordinal);

    public NameList Institutions => Loaded(InstitutionList);

    /// <summary>By department number and name, as Membership lists them.</summary>
    public NameList Municipalities => Loaded(MunicipalityList);

    public NameList Categories => Loaded(CategoryList);

    /// <summary>A list was refused with 401: the page sends the person to sign in, as for its own calls.</summary>
    public bool SessionExpired { get; private set; }

    /// <summary>Reads the lists (and the service catalogs of <paramref name="serviceCatalogsOf"/>) this request has not read yet, all at once.</summary>
    public async Task LoadAsync(NameLists lists, IEnumerable<string?>? serviceCatalogsOf = null, CancellationToken ct = default)
    {
        var reads = new List<Task>();
        if (lists.HasFlag(NameLists.Institutions))
        {
            reads.Add(ReadAsync(InstitutionList, shared: true, async () =>
                Listed(await api.InstitutionsAsync(ct), i => new NamedCode(i.Code, i.Name))));
        }

        if (lists.HasFlag(NameLists.Municipalities))
        {
            reads.Add(ReadAsync(MunicipalityList, shared: true, async () =>
                Listed(await api.MunicipalitiesAsync(ct), m => new NamedCode(m.Code, m.Name, m.Department))));
        }

        if (lists.HasFlag(NameLists.Categories))
        {
            reads.Add(ReadAsync(CategoryList, shared: false, async () =>
                Listed(await api.NeedCategoriesAsync(ct), c => new NamedCode(c.Code, c.Name))));
        }

        foreach (var municipality in (serviceCatalogsOf ?? []).Select(Normalized).Where(m => m.Length > 0).Distinct(StringComparer.Ordinal))
        {
            reads.Add(ReadAsync(ServiceList(municipality), shared: false, async () =>
                Listed(await api.OfferedServicesAsync(municipality, ct), s => new NamedCode(s.Code, s.Name, s.InstitutionCode))));
        }

        await Task.WhenAll(reads);
    }

    /// <summary>The institution's name; the code when it is not known.</summary>
    public string Institution(string? code) => Institutions.Find(code) ?? code ?? "";

    /// <summary>The municipality's name; the code when it is not known.</summary>
    public string Municipality(string? code) => Municipalities.Find(code) ?? code ?? "";

    /// <summary>The need category's name; the code when it is not known.</summary>
    public string Category(string? code) => Categories.Find(code) ?? code ?? "";

    /// <summary>The name of a service in <paramref name="municipality"/>'s offer; the code when it is not known.</summary>
    public string Service(string? municipality, string? code) =>
        Loaded(ServiceList(Normalized(municipality))).Find(code) ?? code ?? "";

    /// <summary>The person changed <paramref name="municipality"/>'s offer here: their next read asks Needs again.</summary>
    public void ForgetServices(string municipality)
    {
        var list = ServiceList(Normalized(municipality));
        _loaded.TryRemove(list, out _);
        if (CacheKey(list, shared: false) is { } key)
        {
            cache.Remove(key);
        }
    }

    private NameList Loaded(string list) => _loaded.GetValueOrDefault(list, NameList.Empty);

    private async Task ReadAsync(string list, bool shared, Func<Task<(NameList Names, ApiOutcome Outcome)>> read)
    {
        if (_loaded.ContainsKey(list))
        {
            return;
        }

        var key = CacheKey(list, shared);
        if (key is not null && cache.TryGetValue(key, out NameList? kept) && kept is not null)
        {
            _loaded[list] = kept;
            return;
        }

        var (names, outcome) = await read();
        _loaded[list] = names;
        SessionExpired |= outcome == ApiOutcome.Unauthorized;
        // A catalog this person may not read (or that does not exist) would answer the same again: kept, as codes. A
        // shared list is kept only when read, and nothing is kept when the service failed: it may answer next time.
        var keep = outcome == ApiOutcome.Ok || (!shared && outcome is ApiOutcome.Forbidden or ApiOutcome.NotFound);
        if (keep && key is not null)
        {
            cache.Set(key, names, options.NameCacheTime);
        }
    }

    private static (NameList Names, ApiOutcome Outcome) Listed<T>(ApiResult<List<T>> result, Func<T, NamedCode> name) =>
        (result.IsOk ? new NameList([.. (result.Value ?? []).Select(name)]) : NameList.Empty, result.Outcome);

    /// <summary>Null when there is no signed-in person to keep a per-person list for: it is then read for this request only.</summary>
    private string? CacheKey(string list, bool shared)
    {
        if (shared)
        {
            return $"names:{list}";
        }

        var user = http.HttpContext?.User is { Identity.IsAuthenticated: true } principal ? CurrentUser.From(principal).UserName : "";
        return user.Length > 0 ? $"names:{user}:{list}" : null;
    }

    private static string ServiceList(string municipality) => $"services:{municipality}";

    private static string Normalized(string? code) => (code ?? "").Trim().ToLowerInvariant();
}
