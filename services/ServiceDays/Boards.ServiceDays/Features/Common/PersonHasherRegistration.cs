using System.Text;
using Boards.ServiceDefaults;

namespace Boards.ServiceDays.Features.Common;

public static class PersonHasherRegistration
{
    public const string SecretSetting = "ServiceDays:PersonKeySecret";

    /// <summary>
    /// The person hash needs ServiceDays:PersonKeySecret. Development reads it from appsettings.Development.json (and falls
    /// back to a fixed development value); anywhere else a missing secret, or the shipped one, stops the service at start.
    /// </summary>
    public static IServiceCollection AddPersonHasher(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var secret = ShippedSecrets.Require(configuration, environment, SecretSetting, "development-only-service-days-person-key-secret");
        services.AddSingleton(new PersonHash(Encoding.UTF8.GetBytes(secret)));
        return services;
    }
}
