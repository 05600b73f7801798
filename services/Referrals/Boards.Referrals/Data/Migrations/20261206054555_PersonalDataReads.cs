using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Boards.Referrals.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonalDataReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "personal_data_reads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorSubject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorRoles = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Door = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personal_data_reads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_personal_data_reads_ActorSubject_At",
                table: "personal_data_reads",
                columns: new[] { "ActorSubject", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_personal_data_reads_At",
                table: "personal_data_reads",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_personal_data_reads_PersonKey_At",
                table: "personal_data_reads",
                columns: new[] { "PersonKey", "At" });

            // Append-only: the service's role may insert and read, never change or remove (docs/security.md).
            migrationBuilder.Sql("""
                CREATE FUNCTION personal_data_reads_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION 'personal_data_reads es de solo agregado: no se modifica ni se borra';
                END $$;
                CREATE TRIGGER personal_data_reads_no_update_or_delete BEFORE UPDATE OR DELETE ON personal_data_reads
                  FOR EACH ROW EXECUTE FUNCTION personal_data_reads_append_only();
                CREATE TRIGGER personal_data_reads_no_truncate BEFORE TRUNCATE ON personal_data_reads
                  FOR EACH STATEMENT EXECUTE FUNCTION personal_data_reads_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS personal_data_reads_no_truncate ON personal_data_reads; DROP TRIGGER IF EXISTS personal_data_reads_no_update_or_delete ON personal_data_reads; DROP FUNCTION IF EXISTS personal_data_reads_append_only();");

            migrationBuilder.DropTable(
                name: "personal_data_reads");
        }
    }
}
