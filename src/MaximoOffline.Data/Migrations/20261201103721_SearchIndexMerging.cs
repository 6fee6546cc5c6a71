using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MaximoOffline.Data.Migrations
{
    /// <summary>
    /// The search indexes an existing replica has merge their segments less often (see
    /// <c>SearchIndex.MergeSql</c>; a new replica's indexes are made so). The tables are named here as
    /// they were when this was written, so the migration does the same whatever the catalog becomes.
    /// </summary>
    public partial class SearchIndexMerging : Migration
    {
        private static readonly string[] Indexes =
            ["person_search", "locations_search", "asset_search", "maxdomain_search", "synonymdomain_search", "alndomain_search", "workorder_search", "inventory_search"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var index in Indexes)
            {
                migrationBuilder.Sql(Settings(index, automerge: 16, crisismerge: 32));
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var index in Indexes)
            {
                migrationBuilder.Sql(Settings(index, automerge: 4, crisismerge: 16));
            }
        }

        private static string Settings(string index, int automerge, int crisismerge) =>
            $"INSERT INTO \"{index}\"(\"{index}\", rank) VALUES ('automerge', {automerge});\n" +
            $"INSERT INTO \"{index}\"(\"{index}\", rank) VALUES ('crisismerge', {crisismerge});\n";
    }
}
