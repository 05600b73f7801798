using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class RequestIdsPerOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_referrals_RequestId",
                table: "referrals");

            migrationBuilder.AddColumn<string>(
                name: "RequestOwner",
                table: "referrals",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_RequestOwner_RequestId",
                table: "referrals",
                columns: new[] { "RequestOwner", "RequestId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_referrals_RequestOwner_RequestId",
                table: "referrals");

            migrationBuilder.DropColumn(
                name: "RequestOwner",
                table: "referrals");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_RequestId",
                table: "referrals",
                column: "RequestId",
                unique: true);
        }
    }
}
