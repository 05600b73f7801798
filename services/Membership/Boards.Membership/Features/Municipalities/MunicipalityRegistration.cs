using Boards.BuildingBlocks.Errors;

namespace Boards.Membership.Features.Municipalities;

public static class MunicipalityRegistration
{
    public static IServiceCollection AddMunicipalityRegistry(this IServiceCollection services)
    {
        services.AddSingleton<ShippedMunicipalities>();
        services.AddScoped<MunicipalityRegistry>();
        services.AddSingleton<IApiErrorMapper, MunicipalityErrorMapper>();
        return services;
    }
}
