namespace Boards.Identity.Accounts;

public static class AccountsExtensions
{
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AccountStore>();
        builder.Services.AddScoped<SignInThrottle>();
        builder.Services.AddOptions<BruteForceOptions>().BindConfiguration("Identity:BruteForce");
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
