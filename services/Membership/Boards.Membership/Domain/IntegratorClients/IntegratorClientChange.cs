namespace Boards.Membership.Domain.IntegratorClients;

/// <summary>
/// One line of an integrator client's audit trail (<c>integrator_client_changes</c>, append-only): who registered it,
/// rotated its secret or revoked it, and when. The client's row keeps only the latest of each.
/// </summary>
public sealed class IntegratorClientChange
{
    public const string Registered = "registered";
    public const string SecretRotated = "secret_rotated";
    public const string Revoked = "revoked";
    public const string RemovedFromProvider = "removed_from_provider";
    public const string RegistrationFailed = "registration_failed";

    private IntegratorClientChange()
    {
    }

    public Guid Id { get; private init; }
    public string ClientId { get; private init; } = "";
    public string Action { get; private init; } = "";
    public string Actor { get; private init; } = "";
    public DateTimeOffset At { get; private init; }
    public string? Detail { get; private init; }

    public static IntegratorClientChange Of(IntegratorClient client, string action, string actor, DateTimeOffset at, string? detail = null) => new()
    {
        Id = Guid.CreateVersion7(at),
        ClientId = client.ClientId,
        Action = action,
        Actor = actor,
        At = at,
        Detail = detail is { Length: > MembershipLimits.IntegratorChangeDetail } ? detail[..MembershipLimits.IntegratorChangeDetail] : detail,
    };
}
