using Boards.BuildingBlocks.Errors;
using Boards.Referrals.Features.BatchCreateReferrals;

namespace Boards.Referrals.Tests.Features;

/// <summary>The batch's derived request ids and its item error paths.</summary>
public sealed class BatchItemTests
{
    private static Caller Client(string subject) => new(subject, "integrator-demo", new HashSet<string> { BoardsRoles.Integrator }, null, "mspbs");

    [Fact]
    public void A_request_id_is_stable_per_caller_and_reference_id_and_fits_the_column()
    {
        var id = BatchRequestIds.For(Client("integrator-demo"), "siis-1");

        Assert.Equal(id, BatchRequestIds.For(Client("integrator-demo"), "siis-1"));
        Assert.NotEqual(id, BatchRequestIds.For(Client("otro-sistema"), "siis-1"));
        Assert.NotEqual(id, BatchRequestIds.For(Client("integrator-demo"), "siis-2"));
        Assert.StartsWith(BatchRequestIds.Prefix, id);
        Assert.Equal(70, id.Length);
    }

    [Fact]
    public void Field_errors_move_inside_the_batch_and_other_errors_stay_as_they_are()
    {
        var invalid = ApiError.Invalid(new Dictionary<string, string[]> { ["person.givenNames"] = ["Este campo es obligatorio."] });
        var forbidden = new ApiError(ApiErrorKind.PermissionDenied, "Fuera de su alcance.", "No.");

        var moved = BatchItemErrors.InBatch(invalid, 3, "referral.");

        Assert.Equal(["items[3].referral.person.givenNames"], moved.FieldErrors!.Keys);
        Assert.Equal("items[3].referral.person.given_names", GrpcErrorInterceptor.ToProtoPath(moved.FieldErrors.Keys.Single()));
        Assert.Equal(("INVALID_ARGUMENT", BatchItemErrors.InvalidItem), (BatchItemErrors.CodeName(moved.Kind), moved.Detail));
        Assert.Same(forbidden, BatchItemErrors.InBatch(forbidden, 3, "referral."));
        Assert.Equal("PERMISSION_DENIED", BatchItemErrors.CodeName(forbidden.Kind));
    }
}
