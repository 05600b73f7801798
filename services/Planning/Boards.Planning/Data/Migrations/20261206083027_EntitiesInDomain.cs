using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Boards.Planning.Data.Migrations
{
    /// <inheritdoc />
    public partial class EntitiesInDomain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nothing in the database changes: the municipality, the replicas, plan versions and proposals moved from
            // Features/ to Domain/, and the model snapshot names entity types by their CLR names.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
