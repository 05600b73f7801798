using System.Globalization;

namespace Boards.Membership.Domain.Representativity;

/// <summary>
/// The representativity score of a board (DOMAIN.md, "Representativity of a board"). Pure: no I/O, no clock.
/// <para>
/// Rounding happens in one place, in this order, so that the score can be rebuilt from what is shown:
/// each component value is rounded to 4 decimals; its sub-score is computed from that rounded value and rounded to 4
/// decimals; the applied weight is rounded to 4 decimals; contribution = round(weight × sub-score × 100, 2);
/// score = round(Σ contributions, 1). Midpoints round away from zero. Gap thresholds compare the rounded values.
/// </para>
/// </summary>
public static class RepresentativityCalculator
{
    /// <summary>The sector taxonomy; its size is the k of Blau and Shannon (9), whether or not every sector is present.</summary>
    public static IReadOnlyList<Sector> Sectors { get; } = Enum.GetValues<Sector>();

    public static int SectorCategories => Sectors.Count;

    /// <summary>The roster assessment: every active voting member counts 1.</summary>
    public static RepresentativityAssessment AssessRoster(
        IEnumerable<RepresentativityMember> members, MunicipalityContext municipality, RepresentativityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(policy);
        policy.EnsureValid();
        var voting = members.Where(m => m.Counts).ToList();
        return Assess(AssessmentBasis.Roster, voting.Select(m => new Weighted(m, 1d)).ToList(), voting.Count, municipality,
            policy, sessionsConsidered: 0);
    }

    /// <summary>
    /// The attendance-weighted assessment over the policy's last N sessions (by date). Each active voting member
    /// weighs their attendance rate (sessions attended / sessions considered) or, with
    /// <see cref="AttendanceCounting.AttendedAny"/>, 1 if they attended any of them. Attendees who are not active
    /// voting members are ignored.
    /// </summary>
    public static RepresentativityAssessment AssessAttendance(
        IEnumerable<RepresentativityMember> members, IEnumerable<SessionAttendance> sessions,
        MunicipalityContext municipality, RepresentativityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(policy);
        policy.EnsureValid();
        var window = sessions.OrderByDescending(s => s.Date).Take(policy.AttendanceWindowSessions).ToList();
        var voting = members.Where(m => m.Counts).ToList();
        var weighted = new List<Weighted>();
        foreach (var member in voting)
        {
            var attended = window.Count(s => s.Attendees.Contains(member.MemberId));
            var weight = policy.AttendanceCounting == AttendanceCounting.AttendedAny
                ? attended > 0 ? 1d : 0d
                : window.Count == 0 ? 0d : (double)attended / window.Count;
            if (weight > 0)
                weighted.Add(new Weighted(member, weight));
        }

        return Assess(AssessmentBasis.Attendance, weighted, voting.Count, municipality, policy, window.Count);
    }

    private sealed record Weighted(RepresentativityMember Member, double Weight);

    private sealed record Draft(
        RepresentativityComponentKind Kind,
        string Label,
        string Formula,
        bool Applicable,
        decimal Value,
        decimal SubScore,
        IReadOnlyList<ComponentInput> Inputs);

    private static RepresentativityAssessment Assess(
        AssessmentBasis basis, IReadOnlyList<Weighted> members, int activeVoting, MunicipalityContext municipality,
        RepresentativityPolicy policy, int sessionsConsidered)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        if (municipality.RuralLocalities < 0)
            throw new ArgumentOutOfRangeException(nameof(municipality), "A municipality cannot have fewer than 0 rural localities.");

        var n = members.Sum(m => m.Weight);
        var tally = new RepresentativityTally(
            activeVoting,
            R4(n),
            R4(Sum(members, m => m.Gender == Gender.Female)),
            R4(Sum(members, m => m.Gender == Gender.Male)),
            R4(Sum(members, m => m.Gender is not Gender.Female and not Gender.Male)),
            R4(Sum(members, m => m.IsYouth)),
            R4(Sum(members, m => m.Indigenous)),
            R4(Sum(members, m => m.Disability)),
            R4(Sum(members, m => m.Territory.Area == Area.Rural)));

        var flags = new List<RepresentativityFlag>();
        var gaps = new List<string>();

        if (n <= 0)
            return Empty(basis, activeVoting, municipality, policy, sessionsConsidered, tally, flags, gaps);

        var amounts = Sectors.Select(s => Sum(members, m => m.Sector == s)).ToArray();
        var drafts = new List<Draft>
        {
            RequiredSectors(amounts, municipality, policy, flags, gaps),
            GenderParity(members, n, policy, flags, gaps),
            Youth(members, n, policy, flags, gaps),
            TerritorialCoverage(members, municipality, flags, gaps),
            SectorDiversity(amounts, policy, flags, gaps),
            SectorEvenness(amounts),
            Proportionality(amounts, municipality, policy, flags, gaps),
            Capture(amounts, policy, flags, gaps),
        };

        return Finish(basis, policy, sessionsConsidered, tally, drafts, flags, gaps);
    }

    private static RepresentativityAssessment Empty(
        AssessmentBasis basis, int activeVoting, MunicipalityContext municipality, RepresentativityPolicy policy,
        int sessionsConsidered, RepresentativityTally tally, List<RepresentativityFlag> flags, List<string> gaps)
    {
        flags.Add(RepresentativityFlag.EmptyBoard);
        if (basis == AssessmentBasis.Roster)
        {
            gaps.Add("la mesa no tiene miembros activos con voto: no se puede medir su representatividad");
        }
        else if (sessionsConsidered == 0)
        {
            flags.Add(RepresentativityFlag.NoSessions);
            gaps.Add("sin sesiones registradas: no se puede medir la representatividad por asistencia");
        }
        else if (activeVoting == 0)
        {
            gaps.Add("la mesa no tiene miembros activos con voto: no se puede medir su representatividad");
        }
        else
        {
            gaps.Add(string.Create(CultureInfo.InvariantCulture,
                $"ningún miembro activo con voto asistió a las últimas {sessionsConsidered} sesiones"));
        }

        var inputs = new[] { Input("members", "miembros con voto", 0m) };
        var drafts = Enum.GetValues<RepresentativityComponentKind>()
            .Select(kind => new Draft(kind, Label(kind), Formula(kind),
                kind != RepresentativityComponentKind.TerritorialCoverage || municipality.RuralLocalities > 0, 0m, 0m, inputs))
            .ToList();
        return Finish(basis, policy, sessionsConsidered, tally, drafts, flags, gaps);
    }

    private static RepresentativityAssessment Finish(
        AssessmentBasis basis, RepresentativityPolicy policy, int sessionsConsidered, RepresentativityTally tally,
        IReadOnlyList<Draft> drafts, List<RepresentativityFlag> flags, List<string> gaps)
    {
        // Weights of components that do not apply are redistributed over the others in proportion to their weights.
        var applicableWeight = drafts.Where(d => d.Applicable).Sum(d => policy.Weights.For(d.Kind));
        var components = drafts.Select(d =>
        {
            var policyWeight = policy.Weights.For(d.Kind);
            var weight = d.Applicable && applicableWeight > 0 ? R4(policyWeight / applicableWeight) : 0m;
            var contribution = Math.Round(weight * d.SubScore * 100, 2, MidpointRounding.AwayFromZero);
            return new RepresentativityComponent(d.Kind, d.Label, d.Formula, d.Applicable, d.Value, d.SubScore, policyWeight,
                weight, contribution, d.Inputs);
        }).ToList();

        var score = Math.Round(components.Sum(c => c.Contribution), 1, MidpointRounding.AwayFromZero);
        score = Math.Clamp(score, 0m, 100m);
        return new RepresentativityAssessment(basis, policy.Version, score, sessionsConsidered, tally, components,
            flags.Distinct().ToList(), gaps);
    }

    private static Draft RequiredSectors(
        double[] amounts, MunicipalityContext municipality, RepresentativityPolicy policy, List<RepresentativityFlag> flags,
        List<string> gaps)
    {
        var required = policy.RequiredSectors
            .Concat(municipality.HasIndigenousCommunities ? policy.RequiredWhereIndigenousCommunities : [])
            .Distinct()
            .Order()
            .ToList();
        var present = required.Where(s => amounts[Index(s)] > 0).ToList();
        var missing = required.Except(present).ToList();
        var value = required.Count == 0 ? 1m : R4((double)present.Count / required.Count);
        if (missing.Count > 0)
            flags.Add(RepresentativityFlag.RequiredSectorMissing);
        gaps.AddRange(missing.Select(s => "sin " + SpanishText.SectorName(s)));
        return new Draft(RepresentativityComponentKind.RequiredSectors, Label(RepresentativityComponentKind.RequiredSectors),
            Formula(RepresentativityComponentKind.RequiredSectors), required.Count > 0, value, value,
            [
                Text("required", "sectores requeridos", string.Join(", ", required)),
                Text("present", "sectores requeridos presentes", string.Join(", ", present)),
                Text("missing", "sectores requeridos ausentes", string.Join(", ", missing)),
                Input("requiredCount", "cantidad requerida", required.Count),
                Input("presentCount", "cantidad presente", present.Count),
            ]);
    }

    private static Draft GenderParity(
        IReadOnlyList<Weighted> members, double n, RepresentativityPolicy policy, List<RepresentativityFlag> flags,
        List<string> gaps)
    {
        var women = Sum(members, m => m.Gender == Gender.Female);
        var men = Sum(members, m => m.Gender == Gender.Male);
        var womenShare = R4(women / n);
        var parity = R4(Diversity.Parity(women, men));
        if (womenShare < policy.WomenShareTarget)
        {
            flags.Add(RepresentativityFlag.WomenBelowTarget);
            gaps.Add($"mujeres {SpanishText.Percent(womenShare)} < meta {SpanishText.Percent(policy.WomenShareTarget)}");
        }

        if (women == 0)
            flags.Add(RepresentativityFlag.NoWomen);
        if (men == 0)
        {
            flags.Add(RepresentativityFlag.NoMen);
            gaps.Add("sin hombres entre los miembros con voto (paridad 0)");
        }

        return new Draft(RepresentativityComponentKind.GenderParity, Label(RepresentativityComponentKind.GenderParity),
            Formula(RepresentativityComponentKind.GenderParity), true, parity, parity,
            [
                Input("members", "miembros con voto", n),
                Input("women", "mujeres", women),
                Input("men", "hombres", men),
                Input("otherGender", "otro / no indicado", n - women - men),
                Input("womenShare", "proporción de mujeres", womenShare),
                Input("womenShareTarget", "meta de mujeres", policy.WomenShareTarget),
                Input("parity", "paridad", parity),
            ]);
    }

    private static Draft Youth(
        IReadOnlyList<Weighted> members, double n, RepresentativityPolicy policy, List<RepresentativityFlag> flags,
        List<string> gaps)
    {
        var youth = Sum(members, m => m.IsYouth);
        var share = R4(youth / n);
        var target = policy.YouthShareTarget;
        var subScore = target == 0 ? 1m : R4(Math.Min(share / target, 1m));
        if (share < target)
        {
            flags.Add(RepresentativityFlag.YouthBelowTarget);
            gaps.Add($"jóvenes {SpanishText.Percent(share)} < meta {SpanishText.Percent(target)}");
        }

        return new Draft(RepresentativityComponentKind.Youth, Label(RepresentativityComponentKind.Youth),
            Formula(RepresentativityComponentKind.Youth), true, share, subScore,
            [
                Input("members", "miembros con voto", n),
                Input("youth", "jóvenes (15–29)", youth),
                Input("youthShare", "proporción de jóvenes", share),
                Input("youthShareTarget", "meta de jóvenes", target),
            ]);
    }

    private static Draft TerritorialCoverage(
        IReadOnlyList<Weighted> members, MunicipalityContext municipality, List<RepresentativityFlag> flags, List<string> gaps)
    {
        var kind = RepresentativityComponentKind.TerritorialCoverage;
        var total = municipality.RuralLocalities;
        if (total == 0)
        {
            return new Draft(kind, Label(kind), Formula(kind), false, 0m, 0m,
                [Input("ruralLocalities", "localidades rurales del municipio", 0m)]);
        }

        // Locality names are compared trimmed, without case or accents ("Compañía Potrero" = "compania potrero").
        var comparer = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);
        var localities = members
            .Where(m => m.Member.Territory.Area == Area.Rural && !string.IsNullOrWhiteSpace(m.Member.Territory.Locality))
            .Select(m => m.Member.Territory.Locality.Trim())
            .Distinct(comparer)
            .Order(comparer)
            .ToList();
        var represented = Math.Min(localities.Count, total);
        var coverage = R4((double)represented / total);
        if (represented < total)
        {
            flags.Add(RepresentativityFlag.RuralLocalitiesMissing);
            gaps.Add(string.Create(CultureInfo.InvariantCulture, $"{represented} de {total} localidades rurales representadas"));
        }

        return new Draft(kind, Label(kind), Formula(kind), true, coverage, coverage,
            [
                Input("ruralLocalities", "localidades rurales del municipio", total),
                Input("ruralLocalitiesRepresented", "localidades rurales representadas", represented),
                Text("localities", "localidades rurales de los miembros", string.Join(", ", localities)),
            ]);
    }

    private static Draft SectorDiversity(
        double[] amounts, RepresentativityPolicy policy, List<RepresentativityFlag> flags, List<string> gaps)
    {
        var kind = RepresentativityComponentKind.SectorDiversity;
        var k = SectorCategories;
        var normalized = R4(Diversity.NormalizedBlau(amounts, k));
        if (normalized < policy.SectorDiversityFloor)
        {
            flags.Add(RepresentativityFlag.LowSectorDiversity);
            gaps.Add($"baja diversidad de sectores (Blau normalizado {SpanishText.Index(normalized)} < mínimo {SpanishText.Index(policy.SectorDiversityFloor)})");
        }

        var inputs = SectorAmounts(amounts);
        inputs.Add(Input("k", "categorías de sector (k)", k));
        inputs.Add(Input("blau", "Blau B = 1 − Σ p_i²", Diversity.Blau(amounts)));
        inputs.Add(Input("blauMaximum", "máximo 1 − 1/k", 1 - (1d / k)));
        return new Draft(kind, Label(kind), Formula(kind), true, normalized, normalized, inputs);
    }

    private static Draft SectorEvenness(double[] amounts)
    {
        var kind = RepresentativityComponentKind.SectorEvenness;
        var k = SectorCategories;
        var evenness = R4(Diversity.ShannonEvenness(amounts, k));
        var inputs = SectorAmounts(amounts);
        inputs.Add(Input("k", "categorías de sector (k)", k));
        inputs.Add(Input("entropy", "Shannon H = −Σ p_i ln p_i", Diversity.ShannonEntropy(amounts)));
        inputs.Add(Input("lnK", "ln k", Math.Log(k)));
        return new Draft(kind, Label(kind), Formula(kind), true, evenness, evenness, inputs);
    }

    private static Draft Proportionality(
        double[] amounts, MunicipalityContext municipality, RepresentativityPolicy policy, List<RepresentativityFlag> flags,
        List<string> gaps)
    {
        var kind = RepresentativityComponentKind.Proportionality;
        var targets = TargetShares(municipality, policy);
        var actual = Diversity.Shares(amounts);
        var lsq = R4(Diversity.Gallagher(targets, actual));
        var subScore = R4(1 - Math.Min(lsq / policy.GallagherCeiling, 1m));
        if (lsq > policy.GallagherTolerance)
        {
            flags.Add(RepresentativityFlag.CompositionOffTarget);
            var worst = Enumerable.Range(0, targets.Count).OrderByDescending(i => Math.Abs(targets[i] - actual[i])).First();
            gaps.Add($"composición alejada de la meta (Gallagher {SpanishText.Index(lsq)} > tolerancia {SpanishText.Index(policy.GallagherTolerance)}); " +
                $"mayor diferencia: {SpanishText.SectorName(Sectors[worst])} {SpanishText.Percent(R4(actual[worst]))} (meta {SpanishText.Percent(R4(targets[worst]))})");
        }

        var inputs = new List<ComponentInput>();
        for (var i = 0; i < Sectors.Count; i++)
        {
            inputs.Add(Input("t[" + Sectors[i] + "]", "meta " + SpanishText.SectorName(Sectors[i]), targets[i]));
            inputs.Add(Input("s[" + Sectors[i] + "]", "actual " + SpanishText.SectorName(Sectors[i]), actual[i]));
        }

        inputs.Add(Input("gallagher", "Gallagher LSq", lsq));
        inputs.Add(Input("gallagherCeiling", "techo de Gallagher", policy.GallagherCeiling));
        return new Draft(kind, Label(kind), Formula(kind), true, lsq, subScore, inputs);
    }

    private static Draft Capture(
        double[] amounts, RepresentativityPolicy policy, List<RepresentativityFlag> flags, List<string> gaps)
    {
        var kind = RepresentativityComponentKind.Capture;
        var shares = Diversity.Shares(amounts);
        var largestIndex = 0;
        for (var i = 1; i < shares.Count; i++)
        {
            if (shares[i] > shares[largestIndex])
                largestIndex = i;
        }

        var largest = R4(shares[largestIndex]);
        var largestSector = Sectors[largestIndex];
        var localGovernment = R4(shares[Index(Sector.LocalGovernment)]);
        var limit = policy.CaptureLimit;
        var subScore = largest <= limit ? 1m : R4(1 - ((largest - limit) / (1 - limit)));

        if (localGovernment > limit)
        {
            flags.Add(RepresentativityFlag.LocalGovernmentCapture);
            gaps.Add($"{SpanishText.SectorConcentrates(Sector.LocalGovernment)} {SpanishText.Percent(localGovernment)} de los miembros con voto (límite {SpanishText.Percent(limit)})");
        }

        if (largest > limit)
        {
            flags.Add(RepresentativityFlag.SectorCapture);
            if (largestSector != Sector.LocalGovernment)
                gaps.Add($"{SpanishText.SectorConcentrates(largestSector)} {SpanishText.Percent(largest)} de los miembros con voto (límite {SpanishText.Percent(limit)})");
        }

        return new Draft(kind, Label(kind), Formula(kind), true, largest, subScore,
            [
                Text("largestSector", "sector más grande", largestSector.ToString()),
                Input("largestShare", "proporción del sector más grande", largest),
                Input("localGovernmentShare", "proporción del gobierno local", localGovernment),
                Input("captureLimit", "límite de captura", limit),
            ]);
    }

    /// <summary>
    /// t_i in taxonomy order. Without indigenous communities in the municipality the indigenous target becomes 0 and
    /// the other targets are divided by (1 − t_indigenous), so they still sum to 1.
    /// </summary>
    public static IReadOnlyList<double> TargetShares(MunicipalityContext municipality, RepresentativityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        ArgumentNullException.ThrowIfNull(policy);
        var raw = Sectors.Select(s => (double)policy.TargetComposition.GetValueOrDefault(s)).ToArray();
        if (municipality.HasIndigenousCommunities)
            return raw;
        var indigenous = raw[Index(Sector.IndigenousCommunity)];
        return Sectors.Select((s, i) => s == Sector.IndigenousCommunity ? 0d : raw[i] / (1 - indigenous)).ToArray();
    }

    private static List<ComponentInput> SectorAmounts(double[] amounts)
    {
        var shares = Diversity.Shares(amounts);
        var inputs = new List<ComponentInput>();
        for (var i = 0; i < Sectors.Count; i++)
        {
            inputs.Add(Input("n[" + Sectors[i] + "]", "miembros " + SpanishText.SectorName(Sectors[i]), amounts[i]));
            inputs.Add(Input("p[" + Sectors[i] + "]", "proporción " + SpanishText.SectorName(Sectors[i]), shares[i]));
        }

        return inputs;
    }

    private static string Label(RepresentativityComponentKind kind) => kind switch
    {
        RepresentativityComponentKind.RequiredSectors => "Sectores requeridos presentes",
        RepresentativityComponentKind.GenderParity => "Paridad de género",
        RepresentativityComponentKind.Youth => "Participación de jóvenes (15–29)",
        RepresentativityComponentKind.TerritorialCoverage => "Cobertura territorial rural",
        RepresentativityComponentKind.SectorDiversity => "Diversidad de sectores (Blau normalizado)",
        RepresentativityComponentKind.SectorEvenness => "Equidad de sectores (Shannon)",
        RepresentativityComponentKind.Proportionality => "Proporcionalidad con la composición meta (Gallagher)",
        RepresentativityComponentKind.Capture => "Captura por un sector",
        _ => kind.ToString(),
    };

    private static string Formula(RepresentativityComponentKind kind) => kind switch
    {
        RepresentativityComponentKind.RequiredSectors => "value = present / required; sub-score = value",
        RepresentativityComponentKind.GenderParity => "value = min(women, men) / max(women, men); sub-score = value",
        RepresentativityComponentKind.Youth => "value = youth / members; sub-score = min(value / target, 1)",
        RepresentativityComponentKind.TerritorialCoverage =>
            "value = rural localities represented / rural localities; sub-score = value; not applicable with 0 rural localities",
        RepresentativityComponentKind.SectorDiversity => "value = (1 − Σ p_i²) / (1 − 1/k), k = 9; sub-score = value",
        RepresentativityComponentKind.SectorEvenness => "value = (−Σ p_i ln p_i) / ln k, k = 9; sub-score = value",
        RepresentativityComponentKind.Proportionality =>
            "value = √(½ Σ (t_i − s_i)²); sub-score = 1 − min(value / ceiling, 1)",
        RepresentativityComponentKind.Capture =>
            "value = largest sector share; sub-score = 1 if value ≤ limit, else 1 − (value − limit) / (1 − limit)",
        _ => kind.ToString(),
    };

    private static int Index(Sector sector)
    {
        for (var i = 0; i < Sectors.Count; i++)
        {
            if (Sectors[i] == sector)
                return i;
        }

        throw new ArgumentOutOfRangeException(nameof(sector), sector, "Not in the taxonomy.");
    }

    private static double Sum(IReadOnlyList<Weighted> members, Func<RepresentativityMember, bool> predicate) =>
        members.Where(m => predicate(m.Member)).Sum(m => m.Weight);

    private static decimal R4(double value) => Math.Round((decimal)value, 4, MidpointRounding.AwayFromZero);

    private static decimal R4(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    private static ComponentInput Input(string name, string label, double value) =>
        new(name, label, R4(value).ToString(CultureInfo.InvariantCulture));

    private static ComponentInput Input(string name, string label, decimal value) =>
        new(name, label, R4(value).ToString(CultureInfo.InvariantCulture));

    private static ComponentInput Input(string name, string label, int value) =>
        new(name, label, value.ToString(CultureInfo.InvariantCulture));

    private static ComponentInput Text(string name, string label, string value) => new(name, label, value);
}
