using System.Net.Http.Json;
using Microsoft.Extensions.Caching.Memory;

namespace Boards.Portal.OpenData;

/// <summary>
/// The gateway's open data, asked WITHOUT the person's token (this client has no bearer handler): the page is the same
/// for everyone. The index is kept a minute, so visitors of the page do not each spend the portal's share of the
/// gateway's per-address budget.
/// </summary>
public sealed class OpenDataClient(HttpClient http, IMemoryCache cache, ILogger<OpenDataClient> logger)
{
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(1);
    private const string CacheKey = "open-data-index";

    /// <summary>The registry and the months; null when the gateway did not answer as expected.</summary>
    public async Task<OpenDataIndex?> IndexAsync(CancellationToken ct)
    {
        if (cache.TryGetValue(CacheKey, out OpenDataIndex? kept))
        {
            return kept;
        }

        try
        {
            var index = await http.GetFromJsonAsync<OpenDataIndex>("open/v1/municipios.json", ct);
            if (index is not null)
            {
                cache.Set(CacheKey, index, Kept);
            }

            return index;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "El gateway no respondió a GET open/v1/municipios.json");
            return null;
        }
    }
}
