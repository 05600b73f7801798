using static Boards.Membership.Tests.Representativity.TestBoards;

namespace Boards.Membership.Tests.Representativity;

/// <summary>The policy: published defaults, validation (refused, never normalized) and its version on every score.</summary>
public sealed class PolicyTests
{
    [Fact]
    public void The_default_policy_is_valid_and_its_weights_and_targets_sum_to_one()
    {
        var policy = RepresentativityPolicy.Default;

        Assert.Empty(policy.Validate());
        Assert.Equal(1, policy.Version);
        Assert.Equal(1m, policy.Weights.Sum);
        Assert.Equal(1m, policy.TargetComposition.Values.Sum());
        Assert.Equal(0.4m, policy.WomenShareTarget);
        Assert.Equal(0.5m, policy.CaptureLimit);
        Assert.Equal(
            [Sector.LocalGovernment, Sector.NationalInstitution, Sector.CivilSocietyOrganization, Sector.CommunityOrganization],
            policy.RequiredSectors);
    }

    [Fact]
    public void Weights_that_do_not_sum_to_one_are_refused_not_normalized()
    {
        var policy = RepresentativityPolicy.Default with
        {
            Weights = new RepresentativityWeights { Capture = 0.05m },
        };

        Assert.Contains("los pesos suman 0.90 y deben sumar 1", policy.Validate());
        var error = Assert.Throws<InvalidRepresentativityPolicyException>(() =>
            RepresentativityCalculator.AssessRoster(OnTarget(), FiveRuralWithIndigenous, policy));
        Assert.Contains("los pesos suman 0.90 y deben sumar 1", error.Errors);
    }

    [Fact]
    public void A_target_composition_that_does_not_sum_to_one_and_out_of_range_targets_are_refused()
    {
        var policy = RepresentativityPolicy.Default with
        {
            TargetComposition = new Dictionary<Sector, decimal> { [Sector.LocalGovernment] = 0.5m, [Sector.CommunityOrganization] = 0.4m },
            WomenShareTarget = 1.2m,
            CaptureLimit = 1m,
            Version = 0,
        };

        var errors = policy.Validate();

        Assert.Contains("la composición meta suma 0.9 y debe sumar 1", errors);
        Assert.Contains("la meta de mujeres debe estar entre 0 y 1", errors);
        Assert.Contains("el límite de captura debe estar entre 0 y 1 (sin incluirlos)", errors);
        Assert.Contains("la versión de la política debe ser 1 o mayor", errors);
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void A_negative_weight_is_refused_even_when_the_sum_is_one()
    {
        var policy = RepresentativityPolicy.Default with
        {
            Weights = new RepresentativityWeights { Capture = -0.05m, RequiredSectors = 0.45m },
        };

        Assert.Equal(["el peso de Capture debe estar entre 0 y 1"], policy.Validate());
    }

    [Fact]
    public void The_assessment_reports_the_policy_version_that_produced_it()
    {
        var v1 = RepresentativityCalculator.AssessRoster(OnTarget(), FiveRuralWithIndigenous, RepresentativityPolicy.Default);
        var v2 = RepresentativityCalculator.AssessRoster(OnTarget(), FiveRuralWithIndigenous,
            RepresentativityPolicy.Default with { Version = 2, YouthShareTarget = 0.15m });

        Assert.Equal(1, v1.PolicyVersion);
        Assert.Equal(2, v2.PolicyVersion);
        Assert.Equal(0.75m, v1.Component(RepresentativityComponentKind.Youth).SubScore);
        Assert.Equal(1m, v2.Component(RepresentativityComponentKind.Youth).SubScore);
        // Youth now fully met: +0.10 × 0.25 × 100 = +2.5 points.
        Assert.Equal(86.8m, v1.Score);
        Assert.Equal(89.3m, v2.Score);
    }

    [Fact]
    public void Policy_weights_change_the_score_as_published()
    {
        // Only parity counts: the score is the parity × 100.
        var parityOnly = RepresentativityPolicy.Default with
        {
            Version = 7,
            Weights = new RepresentativityWeights
            {
                RequiredSectors = 0, GenderParity = 1, Youth = 0, TerritorialCoverage = 0, SectorDiversity = 0,
                SectorEvenness = 0, Proportionality = 0, Capture = 0,
            },
        };

        var a = RepresentativityCalculator.AssessRoster(OnTarget(), FiveRuralWithIndigenous, parityOnly);

        Assert.Equal(66.7m, a.Score); // 8 / 12 = 0.6667 → 66.67
        Assert.Equal(7, a.PolicyVersion);
    }
}
