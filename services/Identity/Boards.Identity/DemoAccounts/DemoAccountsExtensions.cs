namespace Boards.Identity.DemoAccounts;

public static class DemoAccountsExtensions
{
    public static IHostApplicationBuilder AddDemoAccounts(this IHostApplicationBuilder builder, IdentitySettings settings)
    {
        builder.Services.AddSingleton(_ => builder.Environment.IsDevelopment()
            ? new AccountDirectory(DemoAccountCatalog.Load(settings.ReferenceDataPath), settings.DemoPassword)
            : AccountDirectory.Empty);
        return builder;
    }
}
