namespace Boards.BuildingBlocks.Errors;

public static class ErrorHandlingExtensions
{
    /// <summary>
    /// Problem details for REST and rich gRPC statuses from one set of mappers: the shared one and the service's own.
    /// Add <see cref="GrpcErrorInterceptor"/> to the gRPC options to use it there.
    /// </summary>
    public static IServiceCollection AddBoardsErrorHandling<TServiceMapper>(this IServiceCollection services)
        where TServiceMapper : class, IApiErrorMapper
    {
        if (typeof(TServiceMapper) != typeof(CommonErrorMapper))
        {
            services.AddSingleton<IApiErrorMapper, TServiceMapper>();
        }

        services.AddSingleton<IApiErrorMapper, CommonErrorMapper>();
        services.AddExceptionHandler<ProblemDetailsErrorHandler>();
        return services;
    }
}
