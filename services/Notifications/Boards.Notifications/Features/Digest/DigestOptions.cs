using System.Globalization;

namespace Boards.Notifications.Features.Digest;

/// <summary>Settings under Notifications:Digest.</summary>
public sealed class DigestOptions
{
    public const string Section = "Notifications:Digest";

    /// <summary>The digest time of a person who chose none, "HH:mm" Paraguay time.</summary>
    public string DefaultTime { get; set; } = "07:00";

    public TimeOnly Default => TimeOnly.ParseExact(DefaultTime, "HH:mm", CultureInfo.InvariantCulture);
}
