namespace Boards.Referrals.Tests.Domain;

/// <summary>The closed loop of DOMAIN.md ("Referral: the closed loop"), transition by transition.</summary>
public sealed class ReferralStateMachineTests
{
    /// <summary>DOMAIN.md's table: every legal (from, act, to). Everything else must be refused.</summary>
    private static readonly (ReferralStatus From, Act Act, ReferralStatus To)[] Legal =
    [
        (ReferralStatus.Requested, Act.Accept, ReferralStatus.Accepted),
        (ReferralStatus.Requested, Act.Reject, ReferralStatus.Rejected),
        (ReferralStatus.Requested, Act.Cancel, ReferralStatus.Cancelled),
        (ReferralStatus.Accepted, Act.Cancel, ReferralStatus.Cancelled),
        (ReferralStatus.InProgress, Act.Cancel, ReferralStatus.Cancelled),
        (ReferralStatus.OnHold, Act.Cancel, ReferralStatus.Cancelled),
        (ReferralStatus.Accepted, Act.Start, ReferralStatus.InProgress),
        (ReferralStatus.InProgress, Act.Hold, ReferralStatus.OnHold),
        (ReferralStatus.OnHold, Act.Resume, ReferralStatus.InProgress),
        (ReferralStatus.Accepted, Act.CounterReferHelped, ReferralStatus.Completed),
        (ReferralStatus.Accepted, Act.CounterReferNotAttended, ReferralStatus.Failed),
        (ReferralStatus.InProgress, Act.CounterReferHelped, ReferralStatus.Completed),
        (ReferralStatus.InProgress, Act.CounterReferNotAttended, ReferralStatus.Failed),
    ];

    public static TheoryData<ReferralStatus, Act, ReferralStatus> LegalTransitions()
    {
        var data = new TheoryData<ReferralStatus, Act, ReferralStatus>();
        foreach (var (from, act, to) in Legal)
        {
            data.Add(from, act, to);
        }

        return data;
    }

    /// <summary>Every (state, act) pair that DOMAIN.md's table does not allow: 51 of them.</summary>
    public static TheoryData<ReferralStatus, Act> IllegalTransitions()
    {
        var data = new TheoryData<ReferralStatus, Act>();
        foreach (var state in Enum.GetValues<ReferralStatus>())
        {
            foreach (var act in Enum.GetValues<Act>())
            {
                if (!Legal.Any(l => l.From == state && l.Act == act))
                {
                    data.Add(state, act);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public void A_legal_transition_moves_the_referral_bumps_the_version_by_one_and_appends_one_history_line(
        ReferralStatus from, Act act, ReferralStatus to)
    {
        var referral = TestReferrals.InState(from);
        var version = referral.Version;
        var before = referral.History.ToList();
        var at = TestReferrals.T0.AddDays(1);

        TestReferrals.Apply(referral, act, at, note: "  motivo del cambio  ");

        Assert.Equal(to, referral.Status);
        Assert.Equal(version + 1, referral.Version);
        Assert.Equal(before.Count + 1, referral.History.Count);
        Assert.Equal(before, referral.History.Take(before.Count));
        var line = referral.History[^1];
        Assert.Equal(from, line.From);
        Assert.Equal(to, line.To);
        Assert.Equal(act == Act.Cancel ? TestReferrals.Origin : TestReferrals.Destination, line.Actor);
        Assert.Equal(at, line.At);
        Assert.Equal("motivo del cambio", line.Note);
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public void An_illegal_transition_is_refused_naming_the_current_state_and_changes_nothing(ReferralStatus state, Act act)
    {
        var referral = TestReferrals.InState(state);
        var version = referral.Version;
        var history = referral.History.Count;

        var exception = Assert.Throws<IllegalTransitionException>(() => TestReferrals.Apply(referral, act, TestReferrals.T0.AddDays(1)));

        Assert.Equal(state, exception.Current);
        Assert.Contains(StatusNames.Spanish(state), exception.Message, StringComparison.Ordinal);
        Assert.Equal(state, referral.Status);
        Assert.Equal(version, referral.Version);
        Assert.Equal(history, referral.History.Count);
    }

    [Theory]
    [InlineData(ReferralStatus.Requested, false)]
    [InlineData(ReferralStatus.Accepted, false)]
    [InlineData(ReferralStatus.InProgress, false)]
    [InlineData(ReferralStatus.OnHold, false)]
    [InlineData(ReferralStatus.Rejected, true)]
    [InlineData(ReferralStatus.Completed, true)]
    [InlineData(ReferralStatus.Failed, true)]
    [InlineData(ReferralStatus.Cancelled, true)]
    public void Rejected_completed_failed_and_cancelled_are_final(ReferralStatus status, bool final)
    {
        Assert.Equal(final, TestReferrals.InState(status).IsFinal);
    }

    [Fact]
    public void A_new_referral_is_requested_at_version_one_with_one_history_line_from_nothing()
    {
        var referral = TestReferrals.New();

        Assert.Equal(ReferralStatus.Requested, referral.Status);
        Assert.Equal(1, referral.Version);
        var line = Assert.Single(referral.History);
        Assert.Null(line.From);
        Assert.Equal(ReferralStatus.Requested, line.To);
        Assert.Equal(TestReferrals.Origin, line.Actor);
        Assert.Equal(TestReferrals.T0, line.At);
        Assert.Null(line.Note);
        Assert.Equal(TestReferrals.Origin, referral.CreatedBy);
        Assert.Equal(7, referral.Id.Version);
    }

    [Fact]
    public void The_version_grows_by_exactly_one_per_change_and_history_keeps_every_step_in_order()
    {
        var referral = TestReferrals.New();
        var acts = new[] { Act.Accept, Act.Start, Act.Hold, Act.Resume, Act.Hold, Act.Resume, Act.CounterReferHelped };
        var expected = new List<(ReferralStatus? From, ReferralStatus To)> { (null, ReferralStatus.Requested) };

        for (var i = 0; i < acts.Length; i++)
        {
            var from = referral.Status;
            TestReferrals.Apply(referral, acts[i], TestReferrals.T0.AddHours(i + 1), note: $"paso {i + 1}");
            expected.Add((from, referral.Status));
            Assert.Equal(i + 2, referral.Version);
        }

        Assert.Equal(expected, referral.History.Select(h => (h.From, h.To)).ToList());
        Assert.Equal(
            ["paso 1", "paso 2", "paso 3", "paso 4", "paso 5", "paso 6", "paso 7"],
            referral.History.Skip(1).Select(h => h.Note).ToList());
        Assert.Equal(ReferralStatus.Completed, referral.Status);
    }

    [Fact]
    public void A_refused_change_leaves_earlier_history_untouched()
    {
        var referral = TestReferrals.InState(ReferralStatus.InProgress);
        var before = referral.History.Select(h => (h.From, h.To, h.Actor, h.At, h.Note)).ToList();

        Assert.Throws<DomainValidationException>(() => referral.Hold(TestReferrals.Destination, "  ", TestReferrals.T0.AddDays(2)));
        Assert.Throws<IllegalTransitionException>(() => referral.Accept(TestReferrals.Destination, null, TestReferrals.T0.AddDays(2), TestReferrals.Policy));

        Assert.Equal(before, referral.History.Select(h => (h.From, h.To, h.Actor, h.At, h.Note)).ToList());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_note_is_kept_as_no_note(string? note)
    {
        var referral = TestReferrals.New();

        referral.Accept(TestReferrals.Destination, note, TestReferrals.T0.AddHours(1), TestReferrals.Policy);

        Assert.Null(referral.History[^1].Note);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Rejecting_for_other_reason_without_a_note_is_refused(string? note)
    {
        var referral = TestReferrals.New();

        var exception = Assert.Throws<DomainValidationException>(() =>
            referral.Reject(RejectionReason.Other, note, TestReferrals.Destination, TestReferrals.T0.AddHours(1)));

        Assert.Equal("note", exception.Field);
        Assert.Equal(ReferralStatus.Requested, referral.Status);
        Assert.Null(referral.Rejection);
        Assert.Equal(1, referral.Version);
    }

    [Fact]
    public void Rejecting_for_other_reason_with_a_note_records_the_rejection()
    {
        var referral = TestReferrals.New();
        var at = TestReferrals.T0.AddHours(3);

        referral.Reject(RejectionReason.Other, "La persona se mudó a otro departamento.", TestReferrals.Destination, at);

        Assert.Equal(ReferralStatus.Rejected, referral.Status);
        Assert.Equal(new Rejection(RejectionReason.Other, "La persona se mudó a otro departamento.", TestReferrals.Destination, at), referral.Rejection);
    }

    [Theory]
    [InlineData(RejectionReason.NoCapacity)]
    [InlineData(RejectionReason.NotEligible)]
    [InlineData(RejectionReason.ServiceNotOffered)]
    [InlineData(RejectionReason.IncompleteInformation)]
    [InlineData(RejectionReason.Duplicate)]
    [InlineData(RejectionReason.ReferredElsewhere)]
    public void Rejecting_for_a_coded_reason_needs_no_note(RejectionReason reason)
    {
        var referral = TestReferrals.New();

        referral.Reject(reason, null, TestReferrals.Destination, TestReferrals.T0.AddHours(1));

        Assert.Equal(ReferralStatus.Rejected, referral.Status);
        Assert.Equal(reason, referral.Rejection!.Reason);
        Assert.Null(referral.Rejection.Note);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Putting_on_hold_without_a_note_is_refused(string? note)
    {
        var referral = TestReferrals.InState(ReferralStatus.InProgress);
        var version = referral.Version;

        var exception = Assert.Throws<DomainValidationException>(() => referral.Hold(TestReferrals.Destination, note, TestReferrals.T0.AddDays(1)));

        Assert.Equal("note", exception.Field);
        Assert.Equal(ReferralStatus.InProgress, referral.Status);
        Assert.Equal(version, referral.Version);
    }

    [Theory]
    [InlineData(ReferralStatus.Requested, "")]
    [InlineData(ReferralStatus.Accepted, "   ")]
    [InlineData(ReferralStatus.InProgress, "")]
    [InlineData(ReferralStatus.OnHold, " ")]
    public void Cancelling_without_a_note_is_refused(ReferralStatus state, string note)
    {
        var referral = TestReferrals.InState(state);
        var version = referral.Version;

        var exception = Assert.Throws<DomainValidationException>(() =>
            referral.Cancel(CancellationReason.PersonDeclined, note, TestReferrals.Origin, TestReferrals.T0.AddDays(1)));

        Assert.Equal("note", exception.Field);
        Assert.Equal(state, referral.Status);
        Assert.Null(referral.Cancellation);
        Assert.Equal(version, referral.Version);
    }

    [Fact]
    public void Cancelling_records_reason_note_actor_and_time()
    {
        var referral = TestReferrals.InState(ReferralStatus.OnHold);
        var at = TestReferrals.T0.AddDays(2);

        referral.Cancel(CancellationReason.EnteredInError, "Se cargó dos veces.", TestReferrals.Destination, at);

        Assert.Equal(new Cancellation(CancellationReason.EnteredInError, "Se cargó dos veces.", TestReferrals.Destination, at), referral.Cancellation);
        Assert.Equal(ReferralStatus.OnHold, referral.History[^1].From);
    }

    public static TheoryData<bool, Outcome, ReferralStatus> CounterReferralOutcomes()
    {
        var data = new TheoryData<bool, Outcome, ReferralStatus>();
        foreach (var attended in new[] { true, false })
        {
            foreach (var outcome in Enum.GetValues<Outcome>())
            {
                var helped = outcome is Outcome.GotHelp or Outcome.PartiallyHelped;
                data.Add(attended, outcome, attended && helped ? ReferralStatus.Completed : ReferralStatus.Failed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CounterReferralOutcomes))]
    public void A_counter_referral_completes_the_loop_only_when_the_person_attended_and_got_help(
        bool attended, Outcome outcome, ReferralStatus expected)
    {
        foreach (var from in new[] { ReferralStatus.Accepted, ReferralStatus.InProgress })
        {
            var referral = TestReferrals.InState(from);
            var counter = new CounterReferral
            {
                Attended = attended,
                AttendedOn = attended ? new DateOnly(2026, 3, 3) : null,
                Outcome = outcome,
                AnsweredBy = "Lic. Gómez",
            };
            var at = TestReferrals.T0.AddDays(2);

            referral.CounterRefer(counter, TestReferrals.Destination, at);

            Assert.Equal(expected, referral.Status);
            Assert.Equal(counter with { At = at }, referral.CounterReferral);
            Assert.Equal(from, referral.History[^1].From);
        }
    }

    [Fact]
    public void A_counter_referral_saying_attended_without_the_date_is_refused()
    {
        var referral = TestReferrals.InState(ReferralStatus.InProgress);
        var version = referral.Version;

        var exception = Assert.Throws<DomainValidationException>(() =>
            referral.CounterRefer(TestReferrals.Helped() with { AttendedOn = null }, TestReferrals.Destination, TestReferrals.T0.AddDays(1)));

        Assert.Equal("counterReferral.attendedOn", exception.Field);
        Assert.Equal(ReferralStatus.InProgress, referral.Status);
        Assert.Null(referral.CounterReferral);
        Assert.Equal(version, referral.Version);
    }

    [Fact]
    public void A_counter_referral_attended_in_the_future_is_refused()
    {
        var referral = TestReferrals.InState(ReferralStatus.Accepted);
        var now = TestReferrals.T0.AddDays(1);

        var exception = Assert.Throws<DomainValidationException>(() =>
            referral.CounterRefer(TestReferrals.Helped() with { AttendedOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(3) }, TestReferrals.Destination, now));

        Assert.Equal("counterReferral.attendedOn", exception.Field);
        Assert.Equal(ReferralStatus.Accepted, referral.Status);
    }

    [Fact]
    public void A_counter_referral_recommending_follow_up_without_saying_which_is_refused()
    {
        var referral = TestReferrals.InState(ReferralStatus.Accepted);

        var exception = Assert.Throws<DomainValidationException>(() =>
            referral.CounterRefer(TestReferrals.Helped() with { FollowUpRecommended = true, FollowUpNote = " " }, TestReferrals.Destination, TestReferrals.T0.AddDays(1)));

        Assert.Equal("counterReferral.followUpNote", exception.Field);
        Assert.Equal(ReferralStatus.Accepted, referral.Status);
    }

    [Fact]
    public void Creating_without_consent_and_without_an_override_is_refused()
    {
        var request = TestReferrals.Request(consent: new Consent { Given = false, Overridden = false });

        var exception = Assert.Throws<DomainValidationException>(() =>
            Referral.Create(request, "pk_test", "hash", TestReferrals.Origin, TestReferrals.T0, TestReferrals.Policy));

        Assert.Equal("consent.given", exception.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Overriding_consent_without_a_justification_is_refused(string? justification)
    {
        var request = TestReferrals.Request(consent: new Consent { Given = false, Overridden = true, OverrideJustification = justification });

        var exception = Assert.Throws<DomainValidationException>(() =>
            Referral.Create(request, "pk_test", "hash", TestReferrals.Origin, TestReferrals.T0, TestReferrals.Policy));

        Assert.Equal("consent.overrideJustification", exception.Field);
    }

    [Fact]
    public void Overriding_consent_with_a_justification_is_accepted_and_the_justification_is_in_the_history()
    {
        var request = TestReferrals.Request(consent: new Consent
        {
            Given = false,
            Overridden = true,
            OverrideJustification = "Niño en situación de calle, sin adulto responsable.",
        });

        var referral = Referral.Create(request, "pk_test", "hash", "punto-focal", TestReferrals.T0, TestReferrals.Policy);

        Assert.Equal(ReferralStatus.Requested, referral.Status);
        Assert.True(referral.Consent.Overridden);
        Assert.Contains("Niño en situación de calle", referral.History[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Creating_copies_the_request_and_the_person_key()
    {
        var request = TestReferrals.Request(Priority.High);

        var referral = Referral.Create(request, "pk_abc", "hash-1", TestReferrals.Origin, TestReferrals.T0, TestReferrals.Policy);

        Assert.Equal("alto-vera", referral.MunicipalityCode);
        Assert.Equal("itanara", referral.DestinationMunicipalityCode);
        Assert.Equal("mds", referral.OriginInstitution);
        Assert.Equal("mec", referral.DestinationInstitution);
        Assert.Equal("tekopora", referral.ServiceCode);
        Assert.Equal("income", referral.NeedCategory);
        Assert.Equal(Priority.High, referral.Priority);
        Assert.Equal("pk_abc", referral.PersonKey);
        Assert.Equal("hash-1", referral.RequestHash);
        Assert.Equal(request.Person, referral.Person);
        Assert.Equal(TestReferrals.T0, referral.CreatedAt);
    }
}
