namespace Boards.Monitoring.Features.OpenData;

public static class OpenDataRegistration
{
    /// <summary>The open data's reader and publisher, with its options checked at start (a bad threshold stops the service).</summary>
    public static WebApplicationBuilder AddOpenData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OpenDataOptions>().BindConfiguration(OpenDataOptions.Section)
            .Validate(o => o.IsValid(),
                "Monitoring:OpenData: Threshold debe estar entre 3 y 50, MaxAgeSeconds entre 0 y 86400, y PublicBaseUrl ser una dirección http(s) absoluta o estar vacía.")
            .ValidateOnStart();
        builder.Services.AddScoped<OpenDataReader>();
        builder.Services.AddScoped<OpenDataPublisher>();
        return builder;
    }
}
