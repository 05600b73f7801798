using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.ServiceDefaults.Errors;

public static class TransientDatabaseErrorHandling
{
    /// <summary>
    /// Two hooks, because in Development the developer exception page catches every exception before any outer
    /// middleware: a filter of that page, and outside Development the outermost middleware.
    /// </summary>
    public static IServiceCollection AddTransientDatabaseErrorHandling(this IServiceCollection services)
    {
        services.AddSingleton<IDeveloperPageExceptionFilter, TransientDatabaseErrorPageFilter>();
        services.AddTransient<IStartupFilter, TransientDatabaseErrorStartupFilter>();
        return services;
    }

    private sealed class TransientDatabaseErrorPageFilter : IDeveloperPageExceptionFilter
    {
        public async Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
        {
            if (!TransientDatabaseErrors.IsTransient(errorContext.Exception) ||
                !await TransientDatabaseErrors.TryWriteUnavailableAsync(errorContext.HttpContext))
            {
                await next(errorContext);
            }
        }
    }

    private sealed class TransientDatabaseErrorStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                try
                {
                    await inner(context);
                }
                catch (Exception exception) when (TransientDatabaseErrors.IsTransient(exception) && !context.Response.HasStarted)
                {
                    await TransientDatabaseErrors.TryWriteUnavailableAsync(context);
                }
            });
            next(app);
        };
    }
}
