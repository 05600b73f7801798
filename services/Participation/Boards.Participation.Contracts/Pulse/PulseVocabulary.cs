namespace Boards.Participation.Contracts.Pulse;

/// <summary>Where a slip was handed out: after a counter-referral, at a service day, or to members at a board session.</summary>
public static class PulseSources
{
    public const string CounterReferral = "counter_referral";
    public const string ServiceDay = "service_day";
    public const string BoardSession = "board_session";

    public static readonly IReadOnlyList<string> All = [CounterReferral, ServiceDay, BoardSession];

    /// <summary>Board members rate the session; everyone else answers the person's pulse.</summary>
    public static bool IsMembers(string source) => source == BoardSession;
}

/// <summary>The coarse age band chosen on the slip (never a birth date): enough to follow youth participation.</summary>
public static class PulseAgeBands
{
    public const string Youth = "15_29";
    public const string Adult = "30_64";
    public const string Senior = "65_plus";
    public const string Unknown = "unknown";

    public static readonly IReadOnlyList<string> All = [Youth, Adult, Senior, Unknown];
}

/// <summary>How an answer arrived: typed by the person (link or QR), or from a paper form typed in by the focal point.</summary>
public static class PulseChannels
{
    public const string Online = "online";
    public const string Paper = "paper";
}

/// <summary>
/// The questions (docs/pulse.md says what each measures). Likert items score 1–5; the endowment share is 0–100.
/// The person's pulse: GotWhatCameFor, TreatedWell, TrustBoard. The members' session rating: CouldSpeak,
/// AgreementsClear, TrustInstitutions. Both offer EndowmentShare.
/// </summary>
public static class PulseItems
{
    public const string GotWhatCameFor = "got_what_came_for";
    public const string TreatedWell = "treated_well";
    public const string TrustBoard = "trust_board";
    public const string CouldSpeak = "could_speak";
    public const string AgreementsClear = "agreements_clear";
    public const string TrustInstitutions = "trust_institutions";

    public static readonly IReadOnlyList<string> Person = [GotWhatCameFor, TreatedWell, TrustBoard];
    public static readonly IReadOnlyList<string> Members = [CouldSpeak, AgreementsClear, TrustInstitutions];

    /// <summary>The items the trust index averages (on 0–100): the person's trust in the board, members' trust in the other institutions.</summary>
    public static readonly IReadOnlyList<string> Trust = [TrustBoard, TrustInstitutions];

    public static IReadOnlyList<string> For(string source) => PulseSources.IsMembers(source) ? Members : Person;
}
