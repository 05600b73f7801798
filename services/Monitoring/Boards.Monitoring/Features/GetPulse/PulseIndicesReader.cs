using System.Data;
using Boards.Monitoring.Domain.Pulse;
using Npgsql;
using NpgsqlTypes;

namespace Boards.Monitoring.Features.GetPulse;

/// <summary>
/// Computes the pulse's indices (<see cref="PulseIndices"/>) per municipality and quarter from pulse_answers and
/// pulse_slip_batches: three grouped statements, whatever the number of answers. Public so that the open data can publish
/// the same figures under its suppression (docs/pulse.md, "Open data").
/// </summary>
public sealed class PulseIndicesReader(MonitoringDbContext db)
{
    // A 1–5 score s is (s − 1) × 25 on the 0–100 scale; avg and count skip blanks (null).
    private const string AnswersSql = """
        SELECT municipality_code AS "Code", quarter AS "Quarter", '' AS "AgeBand",
               count(*)::int AS "Answers",
               (count(*) FILTER (WHERE channel = 'paper'))::int AS "PaperAnswers",
               (count(*) FILTER (WHERE with_code))::int AS "AnswersWithCode",
               avg((coalesce(trust_board, trust_institutions) - 1) * 25.0)::float8 AS "Trust",
               count(coalesce(trust_board, trust_institutions))::int AS "TrustAnswers",
               NULL::float8 AS "TrustLowest", NULL::float8 AS "TrustHighest",
               avg((could_speak - 1) * 25.0)::float8 AS "CouldSpeak",
               count(could_speak)::int AS "CouldSpeakAnswers",
               avg(endowment_share)::float8 AS "Endowment",
               count(endowment_share)::int AS "EndowmentAnswers",
               NULL::float8 AS "EndowmentLowest", NULL::float8 AS "EndowmentHighest"
        FROM pulse_answers
        WHERE (@code IS NULL OR municipality_code = @code) AND (@quarter IS NULL OR quarter = @quarter)
        GROUP BY municipality_code, quarter
        """;

    private const string AgeBandsSql = """
        SELECT municipality_code AS "Code", quarter AS "Quarter", age_band AS "AgeBand",
               count(*)::int AS "Answers", 0 AS "PaperAnswers", 0 AS "AnswersWithCode",
               avg((coalesce(trust_board, trust_institutions) - 1) * 25.0)::float8 AS "Trust",
               count(coalesce(trust_board, trust_institutions))::int AS "TrustAnswers",
               min((coalesce(trust_board, trust_institutions) - 1) * 25.0)::float8 AS "TrustLowest",
               max((coalesce(trust_board, trust_institutions) - 1) * 25.0)::float8 AS "TrustHighest",
               NULL::float8 AS "CouldSpeak", 0 AS "CouldSpeakAnswers",
               avg(endowment_share)::float8 AS "Endowment",
               count(endowment_share)::int AS "EndowmentAnswers",
               min(endowment_share)::float8 AS "EndowmentLowest",
               max(endowment_share)::float8 AS "EndowmentHighest"
        FROM pulse_answers
        WHERE (@code IS NULL OR municipality_code = @code) AND (@quarter IS NULL OR quarter = @quarter)
        GROUP BY municipality_code, quarter, age_band
        """;

    private const string SlipsSql = """
        SELECT municipality_code AS "Code", quarter AS "Quarter", sum(count)::int AS "Slips"
        FROM pulse_slip_batches
        WHERE (@code IS NULL OR municipality_code = @code) AND (@quarter IS NULL OR quarter = @quarter)
        GROUP BY municipality_code, quarter
        """;

    private static readonly string[] AgeBandOrder = ["15_29", "30_64", "65_plus", "unknown"];

    /// <summary>Every (municipality, quarter) with answers or slips, for one municipality and/or one quarter when given.</summary>
    public async Task<IReadOnlyList<PulseIndices>> ReadAsync(string? code, string? quarter, CancellationToken cancellationToken)
    {
        // One snapshot for the three statements, so that the age bands add up to the whole exactly even while answers
        // arrive: the open data's complementary suppression relies on it (BandSuppression).
        await using var snapshot = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken)
            : null;
        var answers = await db.Database.SqlQueryRaw<AnswerRow>(AnswersSql, Parameters(code, quarter)).ToListAsync(cancellationToken);
        var bands = await db.Database.SqlQueryRaw<AnswerRow>(AgeBandsSql, Parameters(code, quarter)).ToListAsync(cancellationToken);
        var slips = await db.Database.SqlQueryRaw<SlipRow>(SlipsSql, Parameters(code, quarter)).ToListAsync(cancellationToken);

        var keys = answers.Select(a => (a.Code, a.Quarter)).Concat(slips.Select(s => (s.Code, s.Quarter))).Distinct();
        return keys.Select(key =>
            {
                var row = answers.SingleOrDefault(a => (a.Code, a.Quarter) == key) ?? new AnswerRow { Code = key.Code, Quarter = key.Quarter };
                var printed = slips.SingleOrDefault(s => (s.Code, s.Quarter) == key)?.Slips ?? 0;
                var byBand = bands.Where(b => (b.Code, b.Quarter) == key)
                    .OrderBy(b => Array.IndexOf(AgeBandOrder, b.AgeBand) is var i and >= 0 ? i : AgeBandOrder.Length)
                    .Select(b => new AgeBandReading(
                        b.AgeBand,
                        Measure.Of(b.Endowment, b.EndowmentAnswers, b.EndowmentLowest, b.EndowmentHighest),
                        Measure.Of(b.Trust, b.TrustAnswers, b.TrustLowest, b.TrustHighest)))
                    .ToList();
                return new PulseIndices(key.Code, key.Quarter, row.Answers, row.PaperAnswers,
                    Measure.Of(row.Trust, row.TrustAnswers), printed, row.AnswersWithCode, PulseIndices.Rate(row.AnswersWithCode, printed),
                    Measure.Of(row.CouldSpeak, row.CouldSpeakAnswers), Measure.Of(row.Endowment, row.EndowmentAnswers), byBand);
            })
            .OrderBy(p => p.Code, StringComparer.Ordinal)
            .ThenByDescending(p => p.Quarter, StringComparer.Ordinal)
            .ToList();
    }

    private static object[] Parameters(string? code, string? quarter) =>
    [
        new NpgsqlParameter("code", NpgsqlDbType.Varchar) { Value = (object?)code ?? DBNull.Value },
        new NpgsqlParameter("quarter", NpgsqlDbType.Varchar) { Value = (object?)quarter ?? DBNull.Value },
    ];

    internal sealed class AnswerRow
    {
        public string Code { get; init; } = "";
        public string Quarter { get; init; } = "";
        public string AgeBand { get; init; } = "";
        public int Answers { get; init; }
        public int PaperAnswers { get; init; }
        public int AnswersWithCode { get; init; }
        public double? Trust { get; init; }
        public int TrustAnswers { get; init; }
        public double? TrustLowest { get; init; }
        public double? TrustHighest { get; init; }
        public double? CouldSpeak { get; init; }
        public int CouldSpeakAnswers { get; init; }
        public double? Endowment { get; init; }
        public int EndowmentAnswers { get; init; }
        public double? EndowmentLowest { get; init; }
        public double? EndowmentHighest { get; init; }
    }

    internal sealed class SlipRow
    {
        public string Code { get; init; } = "";
        public string Quarter { get; init; } = "";
        public int Slips { get; init; }
    }
}
