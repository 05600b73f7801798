using System.Text;
using Boards.ServiceDays.Domain;

namespace Boards.ServiceDays.Features.Common;

public static class PersonHasherRegistration
{
    public const string SecretSetting = "ServiceDays:PersonKeySecret";

    /// <summary>
    /// The person hash needs ServiceDays:PersonKeySecret. Development reads it from appsettings.Development.json (and falls
    /// back to a fixed development value); anywhere else a missing secret stops the service at start.
    /// </summary>
    public static IServiceCollection AddPersonHasher(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var secret = configuration[SecretSetting] is { Length: > 0 } configured
            ? configured
            : environment.IsDevelopment()
                ? "development-only-service-days-person-key-secret"
                : throw new InvalidOperationException($"Configure {SecretSetting}: a long random secret for the attendance person hash.");
        services.AddSingleton(new PersonHash(Encoding.UTF8.GetBytes(secret)));
        return services;
    }
}
