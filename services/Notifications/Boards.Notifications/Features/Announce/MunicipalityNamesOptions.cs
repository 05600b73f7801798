namespace Boards.Notifications.Features.Announce;

/// <summary>Settings under Notifications:Municipalities.</summary>
public sealed class MunicipalityNamesOptions
{
    public const string Section = "Notifications:Municipalities";

    /// <summary>How old the copy of the names may get before it is read again.</summary>
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromMinutes(1);
}
