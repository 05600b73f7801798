using Boards.Membership.Domain.IntegratorClients;

namespace Boards.Membership.Features.IntegratorClients;

/// <summary>The identity provider refused or did not answer a change to an integrator client (REST 503 with the reason).</summary>
public sealed class IntegratorProviderException(string message, Exception inner) : Exception(message, inner);

/// <summary>A token whose client was revoked or whose secret was rotated after it was issued (REST 403).</summary>
public sealed class IntegratorAccessDeniedException(IntegratorAccess access) : Exception(access == IntegratorAccess.Revoked
    ? "Este cliente integrador fue revocado."
    : "El secreto de este cliente integrador cambió después de emitirse este token: pida un token nuevo con el secreto nuevo.")
{
    public IntegratorAccess Access { get; } = access;
}

public sealed class IntegratorClientErrorMapper : IApiErrorMapper
{
    public ApiError? Map(Exception exception) => exception switch
    {
        IntegratorClientRuleException rule => new ApiError(ApiErrorKind.FailedPrecondition, "El cliente integrador no permite este cambio.", rule.Message)
        {
            PreconditionType = "INTEGRATOR_CLIENT_RULE",
            Subject = rule.Rule,
            Extensions = new Dictionary<string, object?> { ["rule"] = rule.Rule },
        },
        IntegratorProviderException provider => ApiError.Unavailable("El proveedor de identidad no completó el cambio.", provider.Message),
        IntegratorAccessDeniedException denied => new ApiError(ApiErrorKind.PermissionDenied, "Acceso del cliente integrador denegado.", denied.Message)
        {
            Extensions = new Dictionary<string, object?> { ["reason"] = denied.Access == IntegratorAccess.Revoked ? "revoked" : "secret_rotated" },
        },
        _ => null,
    };
}
