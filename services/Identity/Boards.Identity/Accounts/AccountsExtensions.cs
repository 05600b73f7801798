namespace Boards.Identity.Accounts;

public static class AccountsExtensions
{
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AccountStore>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
