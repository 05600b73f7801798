using System.Globalization;
using System.Text;
using Boards.EndToEnd.Tests.Mail;
using Aspire.Hosting.Testing;
using RabbitMQ.Client;

namespace Boards.EndToEnd.Tests.Notifications;

/// <summary>What the notification tests share: people with an e-mail address, referrals to mspbs, the mail they get.</summary>
public sealed class NotificationJourney(BoardsAppFixture boards)
{
    private static readonly TimeZoneInfo Paraguay = TimeZoneInfo.FindSystemTimeZoneById("America/Asuncion");

    /// <summary>A new officer of mspbs who serves in <paramref name="municipality"/>, with an address of their own.</summary>
    public async Task<(string UserName, string Token, string Email)> OfficerAsync(string municipality)
    {
        var name = $"aviso.{Guid.NewGuid():N}"[..18];
        var email = $"{name}@boards.test";
        await new IdentityAdmin(boards.Http).EnsureUserAsync(name, email,
            new Dictionary<string, string[]> { ["institution"] = ["mspbs"], ["municipalities"] = [municipality] }, "institution-officer");
        return (name, await boards.Tokens.ForUser(name), email);
    }

    /// <summary>A referral from the municipality to mspbs by its focal point, with a person made up for the test.</summary>
    public async Task<string> ReferAsync(string municipality, string priority, string? familyName = null, string? document = null, string? phone = null)
    {
        var focal = await boards.Tokens.ForUser($"focal.{municipality}");
        var created = await boards.Http.ExpectJsonAsync(HttpMethod.Post, "/api/referrals", focal, [HttpStatusCode.Created], new
        {
            requestId = Guid.NewGuid().ToString(),
            municipalityCode = municipality,
            originInstitution = "municipalidad",
            destinationInstitution = "mspbs",
            serviceCode = OfferSetup.PrimaryCare,
            needCategory = "health",
            priority,
            reason = "Control prenatal pendiente.",
            person = new
            {
                documentNumber = document ?? Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture),
                givenNames = "Rosalía",
                familyNames = familyName ?? "Benítez Ayala",
                birthDate = "1994-03-15",
                sex = "female",
                phone,
            },
            consent = new { given = true, givenBy = "la persona" },
        });
        return created.GetProperty("id").GetString()!;
    }

    /// <summary>The messages to <paramref name="address"/> about this referral (the link into the portal names it).</summary>
    public async Task<IReadOnlyList<MailMessage>> MailAboutAsync(string address, string referralId) =>
        [.. (await boards.Mailbox.ToAsync(address)).Where(m => About(m, referralId)).OrderBy(m => m.ReceivedAt)];

    public Task<MailMessage> WaitForMailAsync(string address, string referralId, string? subject = null, TimeSpan? timeout = null) =>
        boards.Mailbox.WaitForAsync(address, m => About(m, referralId) && (subject is null || m.Subject.Contains(subject, StringComparison.Ordinal)),
            timeout ?? TimeSpan.FromSeconds(40));

    public static bool About(MailMessage message, string referralId) =>
        (message.Text ?? "").Contains($"/referencias/{referralId}", StringComparison.Ordinal);

    /// <summary>The centre's list for a person (through the gateway).</summary>
    public async Task<JsonElement> InboxAsync(string token) =>
        await boards.Http.ExpectJsonAsync(HttpMethod.Get, "/api/notifications?status=all&pageSize=100", token, [HttpStatusCode.OK]);

    public static DateTimeOffset ParaguayNow() => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paraguay);

    /// <summary>
    /// Referrals' overdue event delivered a second time, as a relay that crashed after publishing would: the same event
    /// under a new message id, straight onto the broker in MassTransit's envelope.
    /// </summary>
    public async Task PublishOverdueAgainAsync(JsonElement referral)
    {
        var factory = new ConnectionFactory { Uri = new Uri((await boards.App.GetConnectionStringAsync("rabbitmq-amqp"))!) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        const string type = "Boards.Referrals.Contracts.Events:ReferralOverdue";
        var envelope = new
        {
            messageId = Guid.NewGuid(),
            messageType = new[] { $"urn:message:{type}", "urn:message:Boards.Referrals.Contracts.Events:ReferralEvent" },
            sentTime = DateTimeOffset.UtcNow,
            message = new
            {
                referralId = referral.GetProperty("id").GetString(),
                municipalityCode = referral.GetProperty("municipalityCode").GetString(),
                destinationMunicipalityCode = referral.GetProperty("destinationMunicipalityCode").GetString(),
                originInstitution = referral.GetProperty("originInstitution").GetString(),
                destinationInstitution = referral.GetProperty("destinationInstitution").GetString(),
                serviceCode = referral.GetProperty("serviceCode").GetString(),
                needCategory = "health",
                priority = "urgent",
                personKey = "",
                status = "requested",
                version = referral.GetProperty("version").GetInt64(),
                createdAt = referral.GetProperty("createdAt").GetDateTimeOffset(),
                occurredAt = DateTimeOffset.UtcNow,
                actor = "system",
                deadline = "accept",
                dueAt = referral.GetProperty("acceptBy").GetDateTimeOffset(),
            },
        };
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(envelope));
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = envelope.messageId.ToString() };
        await channel.BasicPublishAsync(type, "", mandatory: false, properties, body);
    }
}
