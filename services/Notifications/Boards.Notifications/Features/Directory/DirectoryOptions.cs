namespace Boards.Notifications.Features.Directory;

/// <summary>Settings under Notifications:Directory (docs/configuration.md).</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Notifications:Directory";

    /// <summary>The service account that reads users (view-users only).</summary>
    public string ClientId { get; set; } = "boards-notifications";

    public string? ClientSecret { get; set; }

    /// <summary>How long the list of a role's users is reused before it is read again.</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
