using Boards.Identity.DemoAccounts;

namespace Boards.Identity.Tests;

public sealed class DemoAccountsTests
{
    [Fact]
    public void There_is_an_account_for_every_municipality_and_institution_in_the_reference_data()
    {
        var accounts = DemoAccountCatalog.Load(Path.Combine(AppContext.BaseDirectory, "Seed"));

        var focal = Assert.Single(accounts, account => account.UserName == "focal.alto-vera");
        Assert.Equal("Punto focal de Alto Verá", focal.DisplayName);
        Assert.Equal("alto-vera", focal.Municipality);
        Assert.Equal(["focal-point"], focal.Roles);

        var officer = Assert.Single(accounts, account => account.UserName == "officer.mtess");
        Assert.Equal("Funcionario/a de MTESS", officer.DisplayName);
        Assert.Equal("mtess", officer.Institution);

        var municipalities = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Seed", "municipalities.csv")).Length - 1;
        Assert.Equal(municipalities, accounts.Count(account => account.UserName.StartsWith("focal.", StringComparison.Ordinal)));
        Assert.Contains(accounts, account => account is { UserName: "analyst", Roles: ["ministry-analyst"] });
        Assert.Contains(accounts, account => account is { UserName: "admin", Roles: ["ministry-admin"] });
        Assert.Equal(accounts.Count, accounts.Select(account => account.Subject).Distinct().Count());
    }

    [Fact]
    public void A_demo_account_is_stored_with_its_stable_subject_and_the_catalog_name_as_first_name()
    {
        var account = new DemoAccount("Focal.Alto-Vera", "Punto focal de Alto Verá", ["focal-point"], Municipality: "alto-vera");

        var stored = account.ToUserAccount(DateTimeOffset.UnixEpoch);

        Assert.Equal(StableSubject.For("user:Focal.Alto-Vera"), stored.Subject);
        Assert.Equal("focal.alto-vera", stored.UserName);
        Assert.Equal("Punto focal de Alto Verá", stored.FullName);
        Assert.Equal("alto-vera", stored.Attribute("municipality"));
        Assert.Null(stored.Attribute("institution"));
        Assert.True(stored.Enabled);
    }

    [Fact]
    public void A_demo_account_has_an_address_at_the_reserved_test_domain_from_its_user_name()
    {
        var account = new DemoAccount("Officer.MSPBS", "Funcionario/a de MSPBS", ["institution-officer"], Institution: "mspbs");

        Assert.Equal("officer.mspbs@demo.boards.test", account.Email);
        Assert.Equal("officer.mspbs@demo.boards.test", account.ToUserAccount(DateTimeOffset.UnixEpoch).Email);
    }

    [Fact]
    public void Subjects_are_stable_UUIDs()
    {
        Assert.Equal(StableSubject.For("user:analyst"), StableSubject.For("user:analyst"));
        Assert.NotEqual(StableSubject.For("user:analyst"), StableSubject.For("user:admin"));
        Assert.True(Guid.TryParse(StableSubject.For("user:analyst"), out _));
    }
}
