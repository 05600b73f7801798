using System.Text.Json;
using System.Text.Json.Serialization;

namespace Boards.Portal.Notifications;

// The Notifications service's JSON (docs/notifications.md, "REST API"), read through the gateway at /api/notifications.

/// <summary>One notification of the signed-in person. <see cref="ReadAt"/> is null while it is unread.</summary>
public sealed record NotificationView(
    Guid Id,
    string Kind,
    string Title,
    string Body,
    string? Link,
    string? MunicipalityCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt)
{
    public bool IsUnread => ReadAt is null;
}

/// <summary>A page of the person's notifications, newest first, with their unread count.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Unread, int Total, int Page, int PageSize)
{
    public int Pages => PageSize > 0 ? Math.Max(1, (Total + PageSize - 1) / PageSize) : 1;
}

public sealed record UnreadCount(int Unread);

public sealed record ReadAllAnswer(int Marked);

/// <summary>How the person gets each kind by e-mail, when the daily digest goes, and the address it goes to.</summary>
public sealed record NotificationPreferencesView(string DigestTime, string? Email, IReadOnlyList<KindPreferenceView> Kinds);

/// <summary><see cref="Mode"/> is one of <see cref="NotificationModes"/>; <see cref="Title"/> is the kind's Spanish name.</summary>
public sealed record KindPreferenceView(string Kind, string Title, string Mode);

public static class NotificationModes
{
    public const string Immediate = "immediate";
    public const string Digest = "digest";
    public const string Off = "off";

    public static readonly IReadOnlyList<string> All = [Immediate, Digest, Off];
}

/// <summary>
/// For ministry-admin: e-mails that could not be delivered, people without an address, and announcements still waiting
/// for the identity provider to say whom to notify.
/// </summary>
public sealed record DeliveryProblemsView(
    IReadOnlyList<DeliveryFailureView> Failures, IReadOnlyList<MissingAddressView> MissingAddresses, WaitingFanOutView? WaitingFanOut = null);

public sealed record WaitingFanOutView(int Count, string? LastError);

/// <summary><see cref="Status"/> is <c>bounced</c> (the address was refused, not retried) or <c>failed</c>.</summary>
public sealed record DeliveryFailureView(
    Guid NotificationId,
    string? UserName,
    string Kind,
    string Status,
    int Attempts,
    string? LastError,
    DateTimeOffset? LastAttemptAt);

/// <summary>A person with no e-mail address and how many notifications they did not get by e-mail.</summary>
public sealed record MissingAddressView(
    string? UserName,
    [property: JsonConverter(typeof(OneOrManyStrings))] IReadOnlyList<string> Roles,
    int Notifications);

/// <summary>
/// The contract names <c>roles</c> without saying whether it is a list or one text: both are read, a text split at commas.
/// </summary>
public sealed class OneOrManyStrings : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => [],
            JsonTokenType.String => reader.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ => JsonSerializer.Deserialize<List<string>>(ref reader, options) ?? [],
        };

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}
