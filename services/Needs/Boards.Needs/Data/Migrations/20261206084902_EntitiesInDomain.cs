using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Needs.Data.Migrations
{
    /// <inheritdoc />
    public partial class EntitiesInDomain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing in the database changes: the rounds, needs, ballots, categories, offered services, referral
            // evidence and the municipality replica moved from Features/ to Domain/, and the model snapshot names entity
            // types by their CLR names.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
