using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.ServiceDays.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReferralFailureKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FailureKind",
                table: "referral_entries",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            // Entries that failed before: their Spanish error tells a refusal ("rechazó la referencia: …", which a
            // service not offered gave too) from everything else (not configured, unreachable, too slow, and "no aceptó
            // su cuenta", shared by Unauthenticated and PermissionDenied: unreachable keeps the old rule, no correction).
            migrationBuilder.Sql("""
                UPDATE referral_entries
                SET "FailureKind" = CASE WHEN "Error" LIKE 'El servicio de referencias rechazó la referencia:%' THEN 'refused' ELSE 'unreachable' END
                WHERE "Status" = 'failed';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FailureKind",
                table: "referral_entries");
        }
    }
}
