using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Monitoring.Data.Migrations
{
    /// <summary>Partial indexes for the early-warning sweep's windows: overdue marks (rule 1) and unmet-demand rejections (rule 2).</summary>
    public partial class EarlyWarningIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_referral_facts_overdue_at",
                table: "referral_facts",
                column: "overdue_at",
                filter: "overdue_at IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "municipality_code" });

            migrationBuilder.CreateIndex(
                name: "ix_referral_facts_unmet_rejections",
                table: "referral_facts",
                column: "rejected_at",
                filter: "rejection_reason IN ('no_capacity', 'service_not_offered')")
                .Annotation("Npgsql:IndexInclude", new[] { "municipality_code", "need_category" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_referral_facts_overdue_at",
                table: "referral_facts");

            migrationBuilder.DropIndex(
                name: "ix_referral_facts_unmet_rejections",
                table: "referral_facts");
        }
    }
}
