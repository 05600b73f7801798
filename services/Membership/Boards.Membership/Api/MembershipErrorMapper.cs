using Boards.Membership.Features.IdentityLink.IdentityProvider;

namespace Boards.Membership.Api;

/// <summary>The membership service's own errors, for REST problem details and gRPC statuses alike.</summary>
public sealed class MembershipErrorMapper : IApiErrorMapper
{
    public ApiError? Map(Exception exception) => exception switch
    {
        DomainValidationException domain => ApiError.Invalid(new Dictionary<string, string[]> { [domain.Field] = [domain.Message] }),
        BoardRuleException rule => new ApiError(ApiErrorKind.FailedPrecondition, "La mesa no permite este cambio.", rule.Message)
        {
            PreconditionType = "BOARD_RULE",
            Subject = rule.Rule,
            Extensions = new Dictionary<string, object?> { ["rule"] = rule.Rule },
        },
        // The account could not be checked: nothing was written, the person tries again in a moment.
        IdentityAdminException identity => ApiError.Unavailable("No se pudo verificar la cuenta.",
            $"No se pudo consultar la cuenta en el proveedor de identidad, y no se guardó nada: {identity.Message}"),
        _ => null,
    };
}
