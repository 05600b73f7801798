using Boards.Membership.Features.CorrectMunicipality;
using Boards.Membership.Features.GetMunicipality;
using Boards.Membership.Features.ListMunicipalities;
using Boards.Membership.Features.RegisterMunicipality;

namespace Boards.Membership.Features.Municipalities;

public static class MunicipalityRegistration
{
    /// <summary>The municipality registry of record: its four use cases, the shipped list and the registry's error mapper.</summary>
    public static IServiceCollection AddMunicipalityRegistry(this IServiceCollection services)
    {
        services.AddSingleton<ShippedMunicipalities>();
        services.AddScoped<ListMunicipalitiesHandler>();
        services.AddScoped<GetMunicipalityHandler>();
        services.AddScoped<RegisterMunicipalityHandler>();
        services.AddScoped<CorrectMunicipalityHandler>();
        services.AddSingleton<IApiErrorMapper, MunicipalityErrorMapper>();
        return services;
    }
}
