using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Monitoring.Data.Migrations
{
    /// <summary>Per-municipality referral totals kept by the consumers, their back-fill, and monitoring_rebuild_totals().</summary>
    public partial class NationalTableTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "municipality_referral_totals",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sent = table.Column<long>(type: "bigint", nullable: false),
                    open = table.Column<long>(type: "bigint", nullable: false),
                    accepted = table.Column<long>(type: "bigint", nullable: false),
                    rejected = table.Column<long>(type: "bigint", nullable: false),
                    completed = table.Column<long>(type: "bigint", nullable: false),
                    failed = table.Column<long>(type: "bigint", nullable: false),
                    cancelled = table.Column<long>(type: "bigint", nullable: false),
                    overdue = table.Column<long>(type: "bigint", nullable: false),
                    counter_referred = table.Column<long>(type: "bigint", nullable: false),
                    median_seconds_to_accept = table.Column<double>(type: "double precision", nullable: true),
                    median_seconds_to_counter_referral = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_municipality_referral_totals", x => x.code);
                });

            // The durations the medians are taken over, sorted per municipality: the consumers find a median by its
            // position in these (MunicipalityTotalsWrites). Expression indexes, so they live here and not in the model;
            // the INCLUDEd columns let PostgreSQL read the durations from the index alone (an index-only scan).
            migrationBuilder.Sql("""
                CREATE INDEX ix_referral_facts_seconds_to_accept ON referral_facts
                    (municipality_code, (EXTRACT(EPOCH FROM accepted_at - created_at)::double precision))
                    INCLUDE (created_at, accepted_at)
                    WHERE accepted_at IS NOT NULL;
                CREATE INDEX ix_referral_facts_seconds_to_counter_referral ON referral_facts
                    (municipality_code, (EXTRACT(EPOCH FROM counter_referred_at - created_at)::double precision))
                    INCLUDE (created_at, counter_referred_at)
                    WHERE counter_referred_at IS NOT NULL;
                """);

            // The full computation the national table used to run on every request, now run once: by this migration to
            // fill the table, and by whoever writes referral_facts outside the consumers (the benchmark's seed, a repair).
            // The EXCLUSIVE lock lets readers in and makes consumers wait, so none adds a delta to a row being replaced.
            // Every fact is read, so one sequential scan and a sort beat walking the index: 11 s instead of 33 s at
            // 10,000,000 facts (docs/performance.md).
            migrationBuilder.Sql("""
                CREATE FUNCTION monitoring_rebuild_totals() RETURNS integer
                LANGUAGE plpgsql
                SET enable_indexscan = off
                SET enable_bitmapscan = off
                SET work_mem = '256MB'
                AS $$
                DECLARE
                    municipalities integer;
                BEGIN
                    LOCK TABLE municipality_referral_totals IN EXCLUSIVE MODE;
                    DELETE FROM municipality_referral_totals;
                    INSERT INTO municipality_referral_totals
                        (code, sent, open, accepted, rejected, completed, failed, cancelled, overdue, counter_referred,
                         median_seconds_to_accept, median_seconds_to_counter_referral)
                    SELECT f.municipality_code,
                           count(*),
                           count(*) FILTER (WHERE f.status IN ('requested', 'accepted', 'in_progress', 'on_hold')),
                           count(*) FILTER (WHERE f.accepted_at IS NOT NULL),
                           count(*) FILTER (WHERE f.status = 'rejected'),
                           count(*) FILTER (WHERE f.status = 'completed'),
                           count(*) FILTER (WHERE f.status = 'failed'),
                           count(*) FILTER (WHERE f.status = 'cancelled'),
                           count(*) FILTER (WHERE f.overdue AND f.status IN ('requested', 'accepted', 'in_progress', 'on_hold')),
                           count(*) FILTER (WHERE f.counter_referred_at IS NOT NULL),
                           percentile_cont(0.5) WITHIN GROUP (
                               ORDER BY EXTRACT(EPOCH FROM f.accepted_at - f.created_at)::double precision),
                           percentile_cont(0.5) WITHIN GROUP (
                               ORDER BY EXTRACT(EPOCH FROM f.counter_referred_at - f.created_at)::double precision)
                    FROM referral_facts f
                    GROUP BY f.municipality_code;
                    GET DIAGNOSTICS municipalities = ROW_COUNT;
                    RETURN municipalities;
                END
                $$;
                SELECT monitoring_rebuild_totals();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION monitoring_rebuild_totals();
                DROP INDEX ix_referral_facts_seconds_to_counter_referral;
                DROP INDEX ix_referral_facts_seconds_to_accept;
                """);

            migrationBuilder.DropTable(
                name: "municipality_referral_totals");
        }
    }
}
