using Boards.Membership.Domain.IntegratorClients;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Membership.Data.Configurations;

internal sealed class IntegratorClientConfiguration : IEntityTypeConfiguration<IntegratorClient>
{
    public void Configure(EntityTypeBuilder<IntegratorClient> client)
    {
        client.ToTable("integrator_clients");
        client.HasKey(c => c.Id);
        client.Property(c => c.Id).ValueGeneratedNever();
        client.Property(c => c.ClientId).HasMaxLength(MembershipLimits.IntegratorClientId);
        // The access check finds a client by the token's azp on every integrator call.
        client.HasIndex(c => c.ClientId).IsUnique();
        client.Property(c => c.Name).HasMaxLength(MembershipLimits.IntegratorName);
        client.Property(c => c.Institution).HasMaxLength(MembershipLimits.Code);
        client.Property(c => c.Scopes);
        client.Property(c => c.CreatedBy).HasMaxLength(MembershipLimits.Actor);
        client.Property(c => c.SecretRotatedBy).HasMaxLength(MembershipLimits.Actor);
        client.Property(c => c.RevokedBy).HasMaxLength(MembershipLimits.Actor);
        client.Property(c => c.RevokedReason).HasMaxLength(MembershipLimits.IntegratorRevokeReason);
        client.Ignore(c => c.Status);
        // Two administrators rotating or revoking the same client at once: the second re-reads it.
        client.Property<uint>("RowVersion").IsRowVersion();
    }
}

internal sealed class IntegratorClientChangeConfiguration : IEntityTypeConfiguration<IntegratorClientChange>
{
    public void Configure(EntityTypeBuilder<IntegratorClientChange> change)
    {
        change.ToTable("integrator_client_changes");
        change.HasKey(c => c.Id);
        change.Property(c => c.Id).ValueGeneratedNever();
        change.Property(c => c.ClientId).HasMaxLength(MembershipLimits.IntegratorClientId);
        change.HasIndex(c => new { c.ClientId, c.At });
        change.Property(c => c.Action).HasMaxLength(40);
        change.Property(c => c.Actor).HasMaxLength(MembershipLimits.Actor);
        change.Property(c => c.Detail).HasMaxLength(MembershipLimits.IntegratorChangeDetail);
    }
}
