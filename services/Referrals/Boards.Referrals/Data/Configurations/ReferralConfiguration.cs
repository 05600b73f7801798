using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Boards.Referrals.Data.Configurations;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> referral)
    {
        referral.ToTable("referrals");
        referral.HasKey(r => r.Id);
        referral.Property(r => r.Id).ValueGeneratedNever();
        // Request ids are the caller's own: unique per owner, so that another tenant's id neither collides nor is revealed.
        referral.HasIndex(r => new { r.RequestOwner, r.RequestId }).IsUnique();
        referral.Property(r => r.RequestId).HasMaxLength(ReferralLimits.RequestId);
        referral.Property(r => r.RequestOwner).HasMaxLength(ReferralLimits.RequestOwner);
        referral.Property(r => r.RequestHash).HasMaxLength(64);
        referral.Property(r => r.MunicipalityCode).HasMaxLength(ReferralLimits.Code);
        referral.Property(r => r.DestinationMunicipalityCode).HasMaxLength(ReferralLimits.Code);
        referral.Property(r => r.OriginInstitution).HasMaxLength(ReferralLimits.Code);
        referral.Property(r => r.DestinationInstitution).HasMaxLength(ReferralLimits.Code);
        referral.Property(r => r.ServiceCode).HasMaxLength(ReferralLimits.Code);
        referral.Property(r => r.NeedCategory).HasMaxLength(ReferralLimits.Code);
        referral.Property(r => r.Reason).HasMaxLength(ReferralLimits.Reason);
        referral.Property(r => r.PersonKey).HasMaxLength(64);
        referral.Property(r => r.CreatedBy).HasMaxLength(ReferralLimits.Actor);
        referral.Property(r => r.Priority).HasConversion<string>().HasMaxLength(20);
        referral.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        referral.Property(r => r.Version).IsConcurrencyToken();
        // PostgreSQL's xmin catches writers that bypass Version (the overdue sweep) too.
        referral.Property<uint>("RowVersion").IsRowVersion();
        referral.HasIndex(r => new { r.MunicipalityCode, r.Status });
        referral.HasIndex(r => new { r.DestinationMunicipalityCode, r.Status });
        referral.HasIndex(r => new { r.OriginInstitution, r.Status });
        referral.HasIndex(r => new { r.DestinationInstitution, r.Status });
        referral.HasIndex(r => r.PersonKey);
        // The retention sweep looks for closed referrals that still hold personal data.
        referral.HasIndex(r => r.ClosedAt).HasFilter("\"AnonymisedAt\" IS NULL");

        referral.OwnsOne(r => r.Person, person =>
        {
            person.Property(p => p.DocumentNumber).HasColumnName("person_document_number").HasMaxLength(ReferralLimits.DocumentNumber);
            person.Property(p => p.NoDocument).HasColumnName("person_no_document");
            person.Property(p => p.GivenNames).HasColumnName("person_given_names").HasMaxLength(ReferralLimits.Name);
            person.Property(p => p.FamilyNames).HasColumnName("person_family_names").HasMaxLength(ReferralLimits.Name);
            person.Property(p => p.BirthDate).HasColumnName("person_birth_date");
            person.Property(p => p.Sex).HasColumnName("person_sex").HasConversion<string>().HasMaxLength(10);
            person.Property(p => p.Phone).HasColumnName("person_phone").HasMaxLength(ReferralLimits.Phone);
            person.Property(p => p.Locality).HasColumnName("person_locality").HasMaxLength(ReferralLimits.Locality);
        });
        referral.Navigation(r => r.Person).IsRequired();

        referral.OwnsOne(r => r.Consent, consent =>
        {
            consent.Property(c => c.Given).HasColumnName("consent_given");
            consent.Property(c => c.GivenBy).HasColumnName("consent_given_by").HasMaxLength(ReferralLimits.Name);
            consent.Property(c => c.Overridden).HasColumnName("consent_overridden");
            consent.Property(c => c.OverrideJustification).HasColumnName("consent_override_justification").HasMaxLength(ReferralLimits.Note);
        });
        referral.Navigation(r => r.Consent).IsRequired();

        referral.OwnsOne(r => r.Rejection, rejection =>
        {
            rejection.Property(x => x.Reason).HasColumnName("rejection_reason").HasConversion<string>().HasMaxLength(40);
            rejection.Property(x => x.Note).HasColumnName("rejection_note").HasMaxLength(ReferralLimits.Note);
            rejection.Property(x => x.Actor).HasColumnName("rejection_actor").HasMaxLength(ReferralLimits.Actor);
            rejection.Property(x => x.At).HasColumnName("rejection_at");
        });

        referral.OwnsOne(r => r.Cancellation, cancellation =>
        {
            cancellation.Property(x => x.Reason).HasColumnName("cancellation_reason").HasConversion<string>().HasMaxLength(40);
            cancellation.Property(x => x.Note).HasColumnName("cancellation_note").HasMaxLength(ReferralLimits.Note);
            cancellation.Property(x => x.Actor).HasColumnName("cancellation_actor").HasMaxLength(ReferralLimits.Actor);
            cancellation.Property(x => x.At).HasColumnName("cancellation_at");
        });

        referral.OwnsOne(r => r.CounterReferral, counter =>
        {
            counter.Property(x => x.Attended).HasColumnName("counter_attended");
            counter.Property(x => x.AttendedOn).HasColumnName("counter_attended_on");
            counter.Property(x => x.ServicesDelivered).HasColumnName("counter_services_delivered");
            counter.Property(x => x.Outcome).HasColumnName("counter_outcome").HasConversion<string>().HasMaxLength(40);
            counter.Property(x => x.Notes).HasColumnName("counter_notes").HasMaxLength(ReferralLimits.CounterReferralNotes);
            counter.Property(x => x.FollowUpRecommended).HasColumnName("counter_follow_up_recommended");
            counter.Property(x => x.FollowUpNote).HasColumnName("counter_follow_up_note").HasMaxLength(ReferralLimits.Note);
            counter.Property(x => x.AnsweredBy).HasColumnName("counter_answered_by").HasMaxLength(ReferralLimits.Actor);
            counter.Property(x => x.At).HasColumnName("counter_at");
            counter.Ignore(x => x.ResultingStatus);
        });

        referral.OwnsOne(r => r.Availability, availability =>
        {
            availability.Property(x => x.Verification).HasColumnName("availability_verification").HasConversion<string>().HasMaxLength(20);
            availability.Property(x => x.CapacityStatus).HasColumnName("availability_capacity_status").HasMaxLength(20);
            availability.Property(x => x.WaitlistBand).HasColumnName("availability_waitlist_band").HasMaxLength(20);
            availability.Property(x => x.Waitlisted).HasColumnName("availability_waitlisted");
            availability.Property(x => x.Message).HasColumnName("availability_message").HasMaxLength(1000);
            availability.Property(x => x.CheckedAt).HasColumnName("availability_checked_at");
        });

        referral.OwnsMany(r => r.History, history =>
        {
            history.ToTable("referral_status_changes");
            history.WithOwner().HasForeignKey("ReferralId");
            history.HasKey(h => h.Id);
            history.Property(h => h.Id).UseIdentityAlwaysColumn();
            history.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
            history.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
            history.Property(h => h.Actor).HasMaxLength(ReferralLimits.Actor);
            history.Property(h => h.Note).HasMaxLength(ReferralLimits.CounterReferralNotes);
        });
        referral.Navigation(r => r.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);

        referral.Ignore(r => r.IsFinal);
        referral.Ignore(r => r.CurrentDeadline);
        referral.Ignore(r => r.AcceptedAt);
    }
}
