using static Boards.Membership.Tests.Representativity.TestBoards;
using Kind = Boards.Membership.Domain.Representativity.RepresentativityComponentKind;

namespace Boards.Membership.Tests.Representativity;

/// <summary>The roster score on hand-computed boards.</summary>
public sealed class RosterAssessmentTests
{
    private static readonly RepresentativityPolicy Policy = RepresentativityPolicy.Default;

    [Fact]
    public void A_board_of_only_local_government_has_no_sector_diversity_is_captured_and_misses_three_required_sectors()
    {
        var members = Many(2, Sector.LocalGovernment, Gender.Female).Concat(Many(2, Sector.LocalGovernment, Gender.Male));

        var a = RepresentativityCalculator.AssessRoster(members, NoRuralNoIndigenous, Policy);

        Assert.Equal(0m, a.Component(Kind.SectorDiversity).Value);
        Assert.Equal("0", a.Component(Kind.SectorDiversity).Input("blau"));
        Assert.Equal(0m, a.Component(Kind.SectorEvenness).Value);
        Assert.Equal(0.25m, a.Component(Kind.RequiredSectors).Value);
        Assert.Equal(1m, a.Component(Kind.Capture).Value);
        Assert.Equal(0m, a.Component(Kind.Capture).SubScore);
        Assert.True(a.Has(RepresentativityFlag.SectorCapture));
        Assert.True(a.Has(RepresentativityFlag.LocalGovernmentCapture));
        Assert.True(a.Has(RepresentativityFlag.RequiredSectorMissing));
        Assert.Contains("sin instituciones nacionales", a.Gaps);
        Assert.Contains("sin organizaciones de la sociedad civil", a.Gaps);
        Assert.Contains("sin organizaciones comunitarias", a.Gaps);
        Assert.DoesNotContain("sin gobierno local", a.Gaps);
        Assert.Contains("el gobierno local concentra 100% de los miembros con voto (límite 50%)", a.Gaps);
        Assert.Single(a.Gaps, g => g.Contains("concentra", StringComparison.Ordinal));
        Assert.Contains("jóvenes 0% < meta 20%", a.Gaps);
        Assert.Contains("baja diversidad de sectores (Blau normalizado 0,00 < mínimo 0,50)", a.Gaps);
        // Targets without indigenous communities, in ninths: LG 1.5, NI 2.5, Gov 0.5, CSO 2, Comm 2, Private 0.5.
        // Σ (t − s)² = (7.5² + 2.5² + 0.5² + 2² + 2² + 0.5²) / 81 = 71/81; LSq = √(71/162) = 0.662021
        Assert.Equal(0.662m, a.Component(Kind.Proportionality).Value);
        Assert.Contains("composición alejada de la meta (Gallagher 0,66 > tolerancia 0,10); mayor diferencia: gobierno local 100% (meta 16,7%)", a.Gaps);
    }

    [Fact]
    public void The_only_local_government_score_is_23_6_by_hand()
    {
        // No rural localities: coverage does not apply and its 0.10 is spread over the other 0.90.
        // Required 0.25/0.9 = 0.2778 × 0.25 = 6.945 → 6.95; parity 0.15/0.9 = 0.1667 × 1 = 16.67; the rest score 0.
        var members = Many(2, Sector.LocalGovernment, Gender.Female).Concat(Many(2, Sector.LocalGovernment, Gender.Male));

        var a = RepresentativityCalculator.AssessRoster(members, NoRuralNoIndigenous, Policy);

        Assert.Equal(6.95m, a.Component(Kind.RequiredSectors).Contribution);
        Assert.Equal(16.67m, a.Component(Kind.GenderParity).Contribution);
        Assert.Equal(23.6m, a.Score);
    }

    [Fact]
    public void A_board_on_its_target_composition_has_gallagher_0_and_scores_86_8_by_hand()
    {
        var a = RepresentativityCalculator.AssessRoster(OnTarget(), FiveRuralWithIndigenous, Policy);

        var proportionality = a.Component(Kind.Proportionality);
        Assert.Equal(0m, proportionality.Value);
        Assert.Equal(1m, proportionality.SubScore);
        Assert.False(a.Has(RepresentativityFlag.CompositionOffTarget));

        Assert.Equal(1m, a.Component(Kind.RequiredSectors).Value);               // 5 of 5 (indigenous required here)
        Assert.Equal(0.6667m, a.Component(Kind.GenderParity).Value);             // 8 / 12
        Assert.Equal("0.4", a.Component(Kind.GenderParity).Input("womenShare")); // 8 / 20, on the 40% target: no gap
        Assert.Equal(0.15m, a.Component(Kind.Youth).Value);                      // 3 / 20
        Assert.Equal(0.75m, a.Component(Kind.Youth).SubScore);                   // 0.15 / 0.20
        Assert.Equal(0.6m, a.Component(Kind.TerritorialCoverage).Value);         // 3 of 5 (Potrero twice, Tacuara twice)
        Assert.Equal(0.9225m, a.Component(Kind.SectorDiversity).Value);          // (1 − 72/400) / (8/9)
        Assert.Equal(0.8214m, a.Component(Kind.SectorEvenness).Value);           // 1.804748 / ln 9
        Assert.Equal(0.25m, a.Component(Kind.Capture).Value);                    // national institutions 5/20
        Assert.Equal(1m, a.Component(Kind.Capture).SubScore);

        // 25 + 10.00 (0.15 × 0.6667 = 10.0005) + 7.50 + 6.00 + 9.23 (9.225) + 4.11 (4.107) + 10 + 15 = 86.84
        Assert.Equal([25m, 10m, 7.5m, 6m, 9.23m, 4.11m, 10m, 15m], a.Components.Select(c => c.Contribution));
        Assert.Equal(86.8m, a.Score);
        Assert.Equal(["jóvenes 15% < meta 20%", "3 de 5 localidades rurales representadas"], a.Gaps);
    }

    [Fact]
    public void Three_women_and_seven_men_report_parity_0_4286_and_the_womens_gap()
    {
        var members = Many(3, Sector.NationalInstitution, Gender.Female).Concat(Many(7, Sector.CivilSocietyOrganization, Gender.Male));

        var a = RepresentativityCalculator.AssessRoster(members, NoRuralNoIndigenous, Policy);

        var gender = a.Component(Kind.GenderParity);
        Assert.Equal(0.4286m, gender.Value);
        Assert.Equal(0.4286m, gender.SubScore);
        Assert.Equal("0.3", gender.Input("womenShare"));
        Assert.Contains("mujeres 30% < meta 40%", a.Gaps);
        Assert.True(a.Has(RepresentativityFlag.WomenBelowTarget));
        Assert.Equal(3m, a.Tally.Women);
        Assert.Equal(7m, a.Tally.Men);
    }

    [Fact]
    public void Only_active_voting_members_are_measured()
    {
        var voting = Many(2, Sector.LocalGovernment, Gender.Female).Concat(Many(2, Sector.CommunityOrganization, Gender.Male)).ToList();
        var withOthers = voting
            .Append(Member(Sector.LocalGovernment, Gender.Male, voting: false))
            .Append(Member(Sector.LocalGovernment, Gender.Male, active: false))
            .ToList();

        var a = RepresentativityCalculator.AssessRoster(withOthers, NoRuralNoIndigenous, Policy);

        Assert.Equal(4, a.Tally.ActiveVotingMembers);
        Assert.Equal(1m, a.Component(Kind.GenderParity).Value);
        Assert.Equal(0.5m, a.Component(Kind.Capture).Value);
        Assert.Equal(RepresentativityCalculator.AssessRoster(voting, NoRuralNoIndigenous, Policy).Score, a.Score);
    }

    [Fact]
    public void An_empty_board_scores_0_with_one_clear_gap()
    {
        var onlyCeased = new[] { Member(Sector.LocalGovernment, active: false), Member(Sector.Academia, voting: false) };

        var a = RepresentativityCalculator.AssessRoster(onlyCeased, FiveRuralWithIndigenous, Policy);

        Assert.Equal(0m, a.Score);
        Assert.Equal(["la mesa no tiene miembros activos con voto: no se puede medir su representatividad"], a.Gaps);
        Assert.Equal([RepresentativityFlag.EmptyBoard], a.Flags);
        Assert.All(a.Components, c => Assert.Equal(0m, c.Contribution));
        Assert.Equal(8, a.Components.Count);
    }

    [Fact]
    public void A_board_without_women_or_without_men_has_parity_0()
    {
        var noWomen = RepresentativityCalculator.AssessRoster(Many(4, Sector.NationalInstitution, Gender.Male), NoRuralNoIndigenous, Policy);
        var noMen = RepresentativityCalculator.AssessRoster(Many(4, Sector.NationalInstitution, Gender.Female), NoRuralNoIndigenous, Policy);

        Assert.Equal(0m, noWomen.Component(Kind.GenderParity).Value);
        Assert.True(noWomen.Has(RepresentativityFlag.NoWomen));
        Assert.Contains("mujeres 0% < meta 40%", noWomen.Gaps);
        Assert.Equal(0m, noMen.Component(Kind.GenderParity).Value);
        Assert.True(noMen.Has(RepresentativityFlag.NoMen));
        Assert.Contains("sin hombres entre los miembros con voto (paridad 0)", noMen.Gaps);
        Assert.DoesNotContain(noMen.Gaps, g => g.StartsWith("mujeres", StringComparison.Ordinal));
    }

    [Fact]
    public void Other_or_unspecified_gender_counts_in_the_womens_share_denominator_but_not_in_parity()
    {
        // 2 women, 2 men, 1 other: women's share 2/5 = 40% (no gap), parity 2/2 = 1.
        var members = Many(2, Sector.NationalInstitution, Gender.Female)
            .Concat(Many(2, Sector.NationalInstitution, Gender.Male))
            .Append(Member(Sector.NationalInstitution, Gender.Other));

        var a = RepresentativityCalculator.AssessRoster(members, NoRuralNoIndigenous, Policy);

        Assert.Equal(1m, a.Component(Kind.GenderParity).Value);
        Assert.Equal("1", a.Component(Kind.GenderParity).Input("otherGender"));
        Assert.DoesNotContain(a.Gaps, g => g.StartsWith("mujeres", StringComparison.Ordinal));
    }

    [Fact]
    public void Territorial_coverage_does_not_apply_without_rural_localities_and_its_weight_is_redistributed()
    {
        var a = RepresentativityCalculator.AssessRoster(OnTarget(), new MunicipalityContext(0, true), Policy);

        var territory = a.Component(Kind.TerritorialCoverage);
        Assert.False(territory.Applicable);
        Assert.Equal(0.10m, territory.PolicyWeight);
        Assert.Equal(0m, territory.Weight);
        Assert.Equal(0m, territory.Contribution);
        Assert.DoesNotContain(a.Gaps, g => g.Contains("localidades rurales", StringComparison.Ordinal));
        // Each other weight w becomes w / 0.90, rounded to 4 decimals.
        Assert.Equal(0.2778m, a.Component(Kind.RequiredSectors).Weight);
        Assert.Equal(0.1667m, a.Component(Kind.GenderParity).Weight);
        Assert.Equal(0.1111m, a.Component(Kind.Youth).Weight);
        Assert.Equal(0.0556m, a.Component(Kind.SectorEvenness).Weight);
        // 27.78 + 11.11 (0.1667 × 0.6667 = 11.1138…) + 8.33 (0.1111 × 0.75) + 10.25 (0.1111 × 0.9225 = 10.249) +
        // 4.57 (0.0556 × 0.8214 = 4.567) + 11.11 + 16.67 = 89.82
        Assert.Equal(89.8m, a.Score);
    }

    [Fact]
    public void Rural_coverage_cannot_pass_one_even_when_members_name_more_localities_than_the_registry()
    {
        var members = new[]
        {
            Member(Sector.CommunityOrganization, area: Area.Rural, locality: "A"),
            Member(Sector.CommunityOrganization, area: Area.Rural, locality: "B"),
            Member(Sector.CommunityOrganization, area: Area.Rural, locality: "C"),
            Member(Sector.CommunityOrganization, area: Area.Urban, locality: "D"),
        };

        var a = RepresentativityCalculator.AssessRoster(members, new MunicipalityContext(2, false), Policy);

        Assert.Equal(1m, a.Component(Kind.TerritorialCoverage).Value);
        Assert.Equal("2", a.Component(Kind.TerritorialCoverage).Input("ruralLocalitiesRepresented"));
        Assert.DoesNotContain(a.Gaps, g => g.Contains("localidades rurales", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_of_five_rural_localities_is_reported_as_a_gap()
    {
        var members = new[]
        {
            Member(Sector.CommunityOrganization, area: Area.Rural, locality: "Isla Hű"),
            Member(Sector.CommunityOrganization, area: Area.Rural, locality: "Costa Rosado"),
            Member(Sector.LocalGovernment),
        };

        var a = RepresentativityCalculator.AssessRoster(members, new MunicipalityContext(5, false), Policy);

        Assert.Equal(0.4m, a.Component(Kind.TerritorialCoverage).Value);
        Assert.Contains("2 de 5 localidades rurales representadas", a.Gaps);
        Assert.True(a.Has(RepresentativityFlag.RuralLocalitiesMissing));
    }

    [Fact]
    public void Local_government_above_the_limit_is_flagged_with_its_share()
    {
        // 7 of 10: sub-score 1 − (0.7 − 0.5) / 0.5 = 0.6
        var members = Many(7, Sector.LocalGovernment).Concat(Many(3, Sector.NationalInstitution, Gender.Male));

        var a = RepresentativityCalculator.AssessRoster(members, NoRuralNoIndigenous, Policy);

        Assert.Contains("el gobierno local concentra 70% de los miembros con voto (límite 50%)", a.Gaps);
        Assert.Equal(0.6m, a.Component(Kind.Capture).SubScore);
        Assert.Equal("0.7", a.Component(Kind.Capture).Input("localGovernmentShare"));
        Assert.True(a.Has(RepresentativityFlag.LocalGovernmentCapture));
    }

    [Fact]
    public void Another_sector_above_the_limit_is_flagged_as_capture_but_not_as_local_government_capture()
    {
        // 6 of 10 national institutions: sub-score 1 − 0.1 / 0.5 = 0.8
        var members = Many(6, Sector.NationalInstitution).Concat(Many(4, Sector.LocalGovernment, Gender.Male));

        var a = RepresentativityCalculator.AssessRoster(members, NoRuralNoIndigenous, Policy);

        Assert.True(a.Has(RepresentativityFlag.SectorCapture));
        Assert.False(a.Has(RepresentativityFlag.LocalGovernmentCapture));
        Assert.Equal(0.8m, a.Component(Kind.Capture).SubScore);
        Assert.Equal("NationalInstitution", a.Component(Kind.Capture).Input("largestSector"));
        Assert.Contains("las instituciones nacionales concentran 60% de los miembros con voto (límite 50%)", a.Gaps);
    }

    [Fact]
    public void Exactly_at_the_capture_limit_is_not_capture()
    {
        var members = Many(5, Sector.LocalGovernment).Concat(Many(5, Sector.NationalInstitution, Gender.Male));

        var a = RepresentativityCalculator.AssessRoster(members, NoRuralNoIndigenous, Policy);

        Assert.False(a.Has(RepresentativityFlag.SectorCapture));
        Assert.False(a.Has(RepresentativityFlag.LocalGovernmentCapture));
        Assert.Equal(1m, a.Component(Kind.Capture).SubScore);
    }

    [Fact]
    public void Indigenous_communities_are_required_only_where_the_municipality_has_them()
    {
        var members = new[]
        {
            Member(Sector.LocalGovernment), Member(Sector.NationalInstitution, Gender.Male),
            Member(Sector.CivilSocietyOrganization), Member(Sector.CommunityOrganization, Gender.Male),
        };

        var without = RepresentativityCalculator.AssessRoster(members, new MunicipalityContext(0, false), Policy);
        var with = RepresentativityCalculator.AssessRoster(members, new MunicipalityContext(0, true), Policy);

        Assert.Equal(1m, without.Component(Kind.RequiredSectors).Value);
        Assert.DoesNotContain("sin comunidades indígenas", without.Gaps);
        Assert.Equal(0.8m, with.Component(Kind.RequiredSectors).Value);
        Assert.Contains("sin comunidades indígenas", with.Gaps);
    }

    [Fact]
    public void Without_indigenous_communities_the_indigenous_target_is_spread_over_the_other_sectors()
    {
        var targets = RepresentativityCalculator.TargetShares(new MunicipalityContext(0, false), Policy);

        // 0.15 / 0.9, 0.25 / 0.9, 0.05 / 0.9, 0.20 / 0.9, 0.20 / 0.9, 0, 0.05 / 0.9, 0, 0
        Assert.Equal(0.166667, targets[0], 6);
        Assert.Equal(0.277778, targets[1], 6);
        Assert.Equal(0.222222, targets[3], 6);
        Assert.Equal(0, targets[5]);
        Assert.Equal(1, targets.Sum(), 10);
        Assert.Equal(9, RepresentativityCalculator.SectorCategories);
    }

    [Fact]
    public void Percentages_in_gaps_keep_one_decimal_with_a_decimal_comma()
    {
        // 1 woman of 3: 33.333…% → "33,3%"
        var members = new[]
        {
            Member(Sector.LocalGovernment, Gender.Female), Member(Sector.LocalGovernment, Gender.Male),
            Member(Sector.LocalGovernment, Gender.Male),
        };

        var a = RepresentativityCalculator.AssessRoster(members, NoRuralNoIndigenous, Policy);

        Assert.Contains("mujeres 33,3% < meta 40%", a.Gaps);
        Assert.Equal("0.3333", a.Component(Kind.GenderParity).Input("womenShare"));
        Assert.Equal(0.5m, a.Component(Kind.GenderParity).Value);
    }

    [Fact]
    public void Youth_under_target_scores_in_proportion_and_at_target_scores_one()
    {
        // 1 youth of 10: share 0.1, sub-score 0.1 / 0.2 = 0.5. 3 of 10: 0.3 → min(1.5, 1) = 1.
        var one = Many(9, Sector.NationalInstitution).Append(Member(Sector.NationalInstitution, age: AgeBand.Youth));
        var three = Many(7, Sector.NationalInstitution).Concat(Enumerable.Range(0, 3).Select(_ => Member(Sector.NationalInstitution, age: AgeBand.Youth)));

        var a = RepresentativityCalculator.AssessRoster(one, NoRuralNoIndigenous, Policy);
        var b = RepresentativityCalculator.AssessRoster(three, NoRuralNoIndigenous, Policy);

        Assert.Equal(0.5m, a.Component(Kind.Youth).SubScore);
        Assert.Contains("jóvenes 10% < meta 20%", a.Gaps);
        Assert.Equal(1m, b.Component(Kind.Youth).SubScore);
        Assert.DoesNotContain(b.Gaps, g => g.StartsWith("jóvenes", StringComparison.Ordinal));
    }

    [Fact]
    public void The_score_can_be_rebuilt_from_what_the_assessment_shows()
    {
        var a = RepresentativityCalculator.AssessRoster(OnTarget(), FiveRuralWithIndigenous, Policy);

        foreach (var c in a.Components)
            Assert.Equal(Math.Round(c.Weight * c.SubScore * 100, 2, MidpointRounding.AwayFromZero), c.Contribution);
        Assert.Equal(Math.Round(a.Components.Sum(c => c.Contribution), 1, MidpointRounding.AwayFromZero), a.Score);
        Assert.Equal(1m, a.Components.Sum(c => c.Weight));
        Assert.All(a.Components, c => Assert.NotEmpty(c.Inputs));
        Assert.All(a.Components, c => Assert.False(string.IsNullOrWhiteSpace(c.Label)));
    }
}
