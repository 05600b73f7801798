namespace Boards.Notifications.Features.FanOut;

/// <summary>Settings under Notifications:FanOut.</summary>
public sealed class FanOutOptions
{
    public const string Section = "Notifications:FanOut";

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);
}
