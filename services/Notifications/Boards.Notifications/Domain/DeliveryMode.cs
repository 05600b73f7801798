namespace Boards.Notifications.Domain;

/// <summary>How a person wants a kind of notification by e-mail. The notification centre shows every kind regardless.</summary>
public static class DeliveryMode
{
    public const string Immediate = "immediate";
    public const string Digest = "digest";
    public const string Off = "off";

    public static readonly IReadOnlyList<string> All = [Immediate, Digest, Off];

    public static bool IsKnown(string? mode) => mode is Immediate or Digest or Off;
}
