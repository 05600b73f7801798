using Boards.BuildingBlocks.Data;

namespace Boards.Identity.Data;

public static class DataExtensions
{
    public const string ConnectionName = "identitydb";

    public static IHostApplicationBuilder AddIdentityData(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityDbContext>(ConnectionName);
        return builder;
    }
}
