using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Boards.BuildingBlocks.Errors;

public static class ErrorHandlingExtensions
{
    /// <summary>
    /// Problem details for REST and rich gRPC statuses from one set of mappers: each module's own, then the shared one
    /// (kept last, so a module's mapping of its own exceptions comes first in a host with several modules).
    /// Add <see cref="GrpcErrorInterceptor"/> to the gRPC options to use it there.
    /// </summary>
    public static IServiceCollection AddBoardsErrorHandling<TServiceMapper>(this IServiceCollection services)
        where TServiceMapper : class, IApiErrorMapper
    {
        if (typeof(TServiceMapper) != typeof(CommonErrorMapper))
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IApiErrorMapper, TServiceMapper>());
        }

        if (services.FirstOrDefault(d => d.ServiceType == typeof(IApiErrorMapper) && d.ImplementationType == typeof(CommonErrorMapper)) is { } common)
        {
            services.Remove(common);
        }
        else
        {
            services.AddExceptionHandler<ProblemDetailsErrorHandler>();
        }

        services.AddSingleton<IApiErrorMapper, CommonErrorMapper>();
        return services;
    }
}
