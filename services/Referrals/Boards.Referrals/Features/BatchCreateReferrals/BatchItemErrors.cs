namespace Boards.Referrals.Features.BatchCreateReferrals;

/// <summary>How an item's error is named in the batch answer: the gRPC status code name a single create would have used.</summary>
public static class BatchItemErrors
{
    public const string InvalidItem = "Esta referencia del lote tiene datos inválidos.";

    public static string CodeName(ApiErrorKind kind) => kind switch
    {
        ApiErrorKind.InvalidArgument => "INVALID_ARGUMENT",
        ApiErrorKind.NotFound => "NOT_FOUND",
        ApiErrorKind.PermissionDenied => "PERMISSION_DENIED",
        ApiErrorKind.FailedPrecondition => "FAILED_PRECONDITION",
        ApiErrorKind.Aborted => "ABORTED",
        _ => "ALREADY_EXISTS",
    };

    /// <summary>
    /// The item's error with its field paths placed inside the batch: with <paramref name="prefix"/> "referral.",
    /// <c>person.givenNames</c> of item 3 becomes <c>items[3].referral.person.givenNames</c>.
    /// </summary>
    public static ApiError InBatch(ApiError error, int index, string prefix)
    {
        if (error.FieldErrors is not { } fields)
        {
            return error;
        }

        return ApiError.Invalid(fields.ToDictionary(f => $"items[{index}].{prefix}{f.Key}", f => f.Value, StringComparer.Ordinal)) with
        {
            Detail = InvalidItem,
        };
    }
}
