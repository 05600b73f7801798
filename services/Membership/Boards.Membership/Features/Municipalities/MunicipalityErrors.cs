namespace Boards.Membership.Features.Municipalities;

/// <summary>The registry refuses a change that is well formed (REST 409 with a stable snake_case rule).</summary>
public sealed class MunicipalityRuleException(string rule, string message) : Exception(message)
{
    public const string Exists = "municipality_exists";
    public const string ShippedList = "municipality_in_shipped_list";

    public string Rule { get; } = rule;
}

public sealed class MunicipalityErrorMapper : IApiErrorMapper
{
    public ApiError? Map(Exception exception) => exception switch
    {
        MunicipalityRuleException rule => new ApiError(
            rule.Rule == MunicipalityRuleException.Exists ? ApiErrorKind.AlreadyExists : ApiErrorKind.FailedPrecondition,
            "El registro de municipios no permite este cambio.",
            rule.Message)
        {
            PreconditionType = "MUNICIPALITY_RULE",
            Subject = rule.Rule,
            Extensions = new Dictionary<string, object?> { ["rule"] = rule.Rule },
        },
        _ => null,
    };
}
