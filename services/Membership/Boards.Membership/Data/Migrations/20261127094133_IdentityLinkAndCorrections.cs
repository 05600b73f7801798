using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Membership.Data.Migrations
{
    /// <inheritdoc />
    public partial class IdentityLinkAndCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Account",
                table: "members",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CorrectedAt",
                table: "members",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectedBy",
                table: "members",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Access",
                table: "focal_point_terms",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Pending");

            migrationBuilder.AddColumn<string>(
                name: "AccessDetail",
                table: "focal_point_terms",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AccessUpdatedAt",
                table: "focal_point_terms",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Account",
                table: "members");

            migrationBuilder.DropColumn(
                name: "CorrectedAt",
                table: "members");

            migrationBuilder.DropColumn(
                name: "CorrectedBy",
                table: "members");

            migrationBuilder.DropColumn(
                name: "Access",
                table: "focal_point_terms");

            migrationBuilder.DropColumn(
                name: "AccessDetail",
                table: "focal_point_terms");

            migrationBuilder.DropColumn(
                name: "AccessUpdatedAt",
                table: "focal_point_terms");
        }
    }
}
