namespace Boards.Portal;

/// <summary>The portal's configuration (docs/portal.md), read once at start-up.</summary>
public sealed record PortalOptions
{
    /// <summary>OpenID Connect authority: the realm URL, as the services use (<c>Identity:Authority</c>).</summary>
    public required string Authority { get; init; }

    public required bool RequireHttpsMetadata { get; init; }

    /// <summary>The public client registered for the portal (<c>Portal:ClientId</c>, default <c>boards-portal</c>).</summary>
    public required string ClientId { get; init; }

    /// <summary>Where the gateway's REST API answers (<c>Portal:GatewayUrl</c>).</summary>
    public required Uri GatewayUrl { get; init; }

    /// <summary>How long one call to the gateway may take before the page says the service is not answering.</summary>
    public required TimeSpan ApiTimeout { get; init; }

    /// <summary>
    /// How long the names of institutions, municipalities, categories and services are kept before they are read again
    /// (<c>Portal:NameCacheSeconds</c>, default 300; see <see cref="Naming.NameBook"/>).
    /// </summary>
    public required TimeSpan NameCacheTime { get; init; }

    /// <summary>Dates and times are shown in this zone (<c>Portal:TimeZone</c>, default Paraguay's).</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    public static PortalOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var authority = (configuration["Identity:Authority"] ?? "http://localhost:5070/realms/boards").TrimEnd('/');
        var gateway = configuration["Portal:GatewayUrl"] is { Length: > 0 } url ? url : "http://localhost:5080";
        return new PortalOptions
        {
            Authority = authority,
            RequireHttpsMetadata = configuration.GetValue("Identity:RequireHttpsMetadata", !environment.IsDevelopment()),
            ClientId = configuration["Portal:ClientId"] is { Length: > 0 } clientId ? clientId : "boards-portal",
            GatewayUrl = new Uri(gateway.TrimEnd('/') + "/", UriKind.Absolute),
            ApiTimeout = TimeSpan.FromSeconds(configuration.GetValue("Portal:ApiTimeoutSeconds", 10)),
            NameCacheTime = TimeSpan.FromSeconds(configuration.GetValue("Portal:NameCacheSeconds", 300)),
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Portal:TimeZone"] is { Length: > 0 } zone ? zone : "America/Asuncion"),
        };
    }
}
