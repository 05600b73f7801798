using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Identity.Data;

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> user)
    {
        // User names are unique ignoring case because they are always stored lower-case, as Keycloak does.
        user.ToTable("users", table => table.HasCheckConstraint("ck_users_username_lower_case", "username = lower(username)"));
        user.HasKey(u => u.Id);
        user.Property(u => u.Id).HasColumnName("id").ValueGeneratedNever();
        user.Property(u => u.UserName).HasColumnName("username").HasMaxLength(IdentityLimits.Text);
        user.HasIndex(u => u.UserName).IsUnique().HasDatabaseName("ux_users_username");
        user.Property(u => u.FirstName).HasColumnName("first_name").HasMaxLength(IdentityLimits.Text);
        user.Property(u => u.LastName).HasColumnName("last_name").HasMaxLength(IdentityLimits.Text);
        user.Property(u => u.Email).HasColumnName("email").HasMaxLength(IdentityLimits.Text);
        user.Property(u => u.Enabled).HasColumnName("enabled");
        user.Property(u => u.RealmRoles).HasColumnName("realm_roles");
        user.Property(u => u.Attributes)
            .HasColumnName("attributes")
            .HasColumnType("jsonb")
            .HasConversion(
                attributes => JsonSerializer.Serialize(attributes, JsonSerializerOptions.Default),
                json => Deserialize(json),
                new ValueComparer<Dictionary<string, List<string>>>(
                    (left, right) => Serialize(left) == Serialize(right),
                    attributes => Serialize(attributes).GetHashCode(StringComparison.Ordinal),
                    attributes => Deserialize(Serialize(attributes))));
        user.Property(u => u.ServiceAccountClientId).HasColumnName("service_account_client_id").HasMaxLength(IdentityLimits.ClientId);
        user.HasIndex(u => u.ServiceAccountClientId).IsUnique().HasDatabaseName("ux_users_service_account_client_id");
        user.Property(u => u.CreatedAt).HasColumnName("created_at");
        user.Property(u => u.UpdatedAt).HasColumnName("updated_at");
        user.Property(u => u.Version).IsRowVersion();
        user.Ignore(u => u.Subject);
        user.Ignore(u => u.FullName);
        user.Ignore(u => u.IsServiceAccount);
    }

    private static string Serialize(Dictionary<string, List<string>>? attributes) =>
        JsonSerializer.Serialize(attributes, JsonSerializerOptions.Default);

    private static Dictionary<string, List<string>> Deserialize(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json) ?? [], StringComparer.Ordinal);
}
