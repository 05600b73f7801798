using Boards.BuildingBlocks.Data;

namespace Boards.Identity.Data;

public static class DataExtensions
{
    public const string ConnectionName = "identitydb";

    public static IHostApplicationBuilder AddIdentityData(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityDbContext>(ConnectionName);
        // The sign-in session's cookie and the forms' antiforgery tokens, readable on every replica and after a restart.
        builder.AddSharedKeyRing<IdentityDbContext>("boards-identity");
        return builder;
    }
}
