namespace Boards.Portal.Api;

/// <summary>The lists forms choose from: institutions, municipalities, the offer catalog, need categories.</summary>
public static class LookupCalls
{
    public static Task<ApiResult<List<InstitutionView>>> InstitutionsAsync(this BoardsApi api, CancellationToken ct = default) =>
        api.SendAsync<List<InstitutionView>>(HttpMethod.Get, "api/institutions", null, ct);

    public static Task<ApiResult<List<MunicipalityView>>> MunicipalitiesAsync(this BoardsApi api, CancellationToken ct = default) =>
        api.SendAsync<List<MunicipalityView>>(HttpMethod.Get, "api/municipalities", null, ct);

    public static Task<ApiResult<List<OfferedServiceView>>> OfferedServicesAsync(this BoardsApi api, string municipality, CancellationToken ct = default) =>
        api.SendAsync<List<OfferedServiceView>>(HttpMethod.Get, $"api/offer/{Uri.EscapeDataString(municipality)}/services", null, ct);

    public static Task<ApiResult<List<NeedCategoryView>>> NeedCategoriesAsync(this BoardsApi api, CancellationToken ct = default) =>
        api.SendAsync<List<NeedCategoryView>>(HttpMethod.Get, "api/needs/categories", null, ct);

    public static Task<ApiResult<MunicipalityView>> MunicipalityAsync(this BoardsApi api, string code, CancellationToken ct = default) =>
        api.SendAsync<MunicipalityView>(HttpMethod.Get, $"api/municipalities/{Uri.EscapeDataString(code)}", null, ct);
}
