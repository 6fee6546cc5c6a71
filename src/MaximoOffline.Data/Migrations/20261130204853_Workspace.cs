using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MaximoOffline.Data.Migrations
{
    /// <inheritdoc />
    public partial class Workspace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "parent",
                table: "locations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_workorder_deleted_siteid_schedstart",
                table: "workorder",
                columns: new[] { "siteid", "schedstart" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workorder_deleted_siteid_status",
                table: "workorder",
                columns: new[] { "siteid", "status" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workorder_deleted_siteid_status_deleted_at",
                table: "workorder",
                columns: new[] { "siteid", "status", "deleted_at" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workorder_deleted_siteid_targstartdate",
                table: "workorder",
                columns: new[] { "siteid", "targstartdate" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workorder_deleted_siteid_wonum",
                table: "workorder",
                columns: new[] { "siteid", "wonum" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workorder_deleted_siteid_wopriority",
                table: "workorder",
                columns: new[] { "siteid", "wopriority" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workorder_live_assetnum_siteid",
                table: "workorder",
                columns: new[] { "assetnum", "siteid" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workorder_live_location_siteid",
                table: "workorder",
                columns: new[] { "location", "siteid" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workorder_live_siteid_schedstart",
                table: "workorder",
                columns: new[] { "siteid", "schedstart" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workorder_live_siteid_status",
                table: "workorder",
                columns: new[] { "siteid", "status" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workorder_live_siteid_status_deleted_at",
                table: "workorder",
                columns: new[] { "siteid", "status", "deleted_at" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workorder_live_siteid_targstartdate",
                table: "workorder",
                columns: new[] { "siteid", "targstartdate" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_workorder_live_siteid_wopriority",
                table: "workorder",
                columns: new[] { "siteid", "wopriority" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_person_deleted_department",
                table: "person",
                column: "department",
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_person_deleted_displayname",
                table: "person",
                column: "displayname",
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_person_deleted_personid",
                table: "person",
                column: "personid",
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_person_deleted_status",
                table: "person",
                column: "status",
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_person_deleted_status_deleted_at",
                table: "person",
                columns: new[] { "status", "deleted_at" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_person_live_department",
                table: "person",
                column: "department",
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_person_live_displayname",
                table: "person",
                column: "displayname",
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_person_live_status",
                table: "person",
                column: "status",
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_person_live_status_deleted_at",
                table: "person",
                columns: new[] { "status", "deleted_at" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_maxdomain_deleted_deleted_at",
                table: "maxdomain",
                column: "deleted_at",
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_maxdomain_deleted_domainid",
                table: "maxdomain",
                column: "domainid",
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_maxdomain_deleted_domaintype",
                table: "maxdomain",
                column: "domaintype",
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_maxdomain_live_deleted_at",
                table: "maxdomain",
                column: "deleted_at",
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_maxdomain_live_domaintype",
                table: "maxdomain",
                column: "domaintype",
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_locations_deleted_siteid_description",
                table: "locations",
                columns: new[] { "siteid", "description" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_locations_deleted_siteid_location",
                table: "locations",
                columns: new[] { "siteid", "location" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_locations_deleted_siteid_status",
                table: "locations",
                columns: new[] { "siteid", "status" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_locations_deleted_siteid_status_deleted_at",
                table: "locations",
                columns: new[] { "siteid", "status", "deleted_at" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_locations_deleted_siteid_type",
                table: "locations",
                columns: new[] { "siteid", "type" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_locations_live_parent_siteid",
                table: "locations",
                columns: new[] { "parent", "siteid" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_locations_live_siteid_description",
                table: "locations",
                columns: new[] { "siteid", "description" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_locations_live_siteid_location",
                table: "locations",
                columns: new[] { "siteid", "location" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_locations_live_siteid_status",
                table: "locations",
                columns: new[] { "siteid", "status" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_locations_live_siteid_status_deleted_at",
                table: "locations",
                columns: new[] { "siteid", "status", "deleted_at" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_locations_live_siteid_type",
                table: "locations",
                columns: new[] { "siteid", "type" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_deleted_siteid_curbaltotal",
                table: "inventory",
                columns: new[] { "siteid", "curbaltotal" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_deleted_siteid_description",
                table: "inventory",
                columns: new[] { "siteid", "description" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_deleted_siteid_itemnum",
                table: "inventory",
                columns: new[] { "siteid", "itemnum" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_deleted_siteid_status",
                table: "inventory",
                columns: new[] { "siteid", "status" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_deleted_siteid_status_deleted_at",
                table: "inventory",
                columns: new[] { "siteid", "status", "deleted_at" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_live_siteid_curbaltotal",
                table: "inventory",
                columns: new[] { "siteid", "curbaltotal" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_live_siteid_description",
                table: "inventory",
                columns: new[] { "siteid", "description" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_live_siteid_itemnum",
                table: "inventory",
                columns: new[] { "siteid", "itemnum" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_live_siteid_status",
                table: "inventory",
                columns: new[] { "siteid", "status" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inventory_live_siteid_status_deleted_at",
                table: "inventory",
                columns: new[] { "siteid", "status", "deleted_at" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_asset_deleted_siteid_assetnum",
                table: "asset",
                columns: new[] { "siteid", "assetnum" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_asset_deleted_siteid_description",
                table: "asset",
                columns: new[] { "siteid", "description" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_asset_deleted_siteid_location",
                table: "asset",
                columns: new[] { "siteid", "location" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_asset_deleted_siteid_status",
                table: "asset",
                columns: new[] { "siteid", "status" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_asset_deleted_siteid_status_deleted_at",
                table: "asset",
                columns: new[] { "siteid", "status", "deleted_at" },
                filter: "\"deleted_at\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_asset_live_siteid_assetnum",
                table: "asset",
                columns: new[] { "siteid", "assetnum" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_asset_live_siteid_description",
                table: "asset",
                columns: new[] { "siteid", "description" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_asset_live_siteid_location",
                table: "asset",
                columns: new[] { "siteid", "location" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_asset_live_siteid_status",
                table: "asset",
                columns: new[] { "siteid", "status" },
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_asset_live_siteid_status_deleted_at",
                table: "asset",
                columns: new[] { "siteid", "status", "deleted_at" },
                filter: "\"deleted_at\" IS NULL");

            // A location's parent, when Maximo sent one, was kept in raw until now.
            migrationBuilder.Sql("UPDATE locations SET parent = json_extract(raw, '$.parent') WHERE json_type(raw, '$.parent') = 'text';");

            // Search everywhere: the full-text index over live rows and its triggers, filled from the
            // rows an existing replica already has (docs/ARCHITECTURE.md, "The offline workspace").
            migrationBuilder.Sql(MigrationSql.Read("20261130204853_Workspace.Up.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MigrationSql.Read("20261130204853_Workspace.Down.sql"));

            migrationBuilder.DropIndex(
                name: "ix_workorder_deleted_siteid_schedstart",
                table: "workorder");

            migrationBuilder.DropIndex(
                name: "ix_workorder_deleted_siteid_status",
                table: "workorder");

            migrationBuilder.DropIndex(
                name: "ix_workorder_deleted_siteid_status_deleted_at",
                table: "workorder");

            migrationBuilder.DropIndex(
                name: "ix_workorder_deleted_siteid_targstartdate",
                table: "workorder");

            migrationBuilder.DropIndex(
                name: "ix_workorder_deleted_siteid_wonum",
                table: "workorder");

            migrationBuilder.DropIndex(
                name: "ix_workorder_deleted_siteid_wopriority",
                table: "workorder");

            migrationBuilder.DropIndex(
                name: "ix_workorder_live_assetnum_siteid",
                table: "workorder");

            migrationBuilder.DropIndex(
                name: "ix_workorder_live_location_siteid",
                table: "workorder");

            migrationBuilder.DropIndex(
                name: "ix_workorder_live_siteid_schedstart",
                table: "workorder");

            migrationBuilder.DropIndex(
                name: "ix_workorder_live_siteid_status",
                table: "workorder");

            migrationBuilder.DropIndex(
                name: "ix_workorder_live_siteid_status_deleted_at",
                table: "workorder");

            migrationBuilder.DropIndex(
                name: "ix_workorder_live_siteid_targstartdate",
                table: "workorder");

            migrationBuilder.DropIndex(
                name: "ix_workorder_live_siteid_wopriority",
                table: "workorder");

            migrationBuilder.DropIndex(
                name: "ix_person_deleted_department",
                table: "person");

            migrationBuilder.DropIndex(
                name: "ix_person_deleted_displayname",
                table: "person");

            migrationBuilder.DropIndex(
                name: "ix_person_deleted_personid",
                table: "person");

            migrationBuilder.DropIndex(
                name: "ix_person_deleted_status",
                table: "person");

            migrationBuilder.DropIndex(
                name: "ix_person_deleted_status_deleted_at",
                table: "person");

            migrationBuilder.DropIndex(
                name: "ix_person_live_department",
                table: "person");

            migrationBuilder.DropIndex(
                name: "ix_person_live_displayname",
                table: "person");

            migrationBuilder.DropIndex(
                name: "ix_person_live_status",
                table: "person");

            migrationBuilder.DropIndex(
                name: "ix_person_live_status_deleted_at",
                table: "person");

            migrationBuilder.DropIndex(
                name: "ix_maxdomain_deleted_deleted_at",
                table: "maxdomain");

            migrationBuilder.DropIndex(
                name: "ix_maxdomain_deleted_domainid",
                table: "maxdomain");

            migrationBuilder.DropIndex(
                name: "ix_maxdomain_deleted_domaintype",
                table: "maxdomain");

            migrationBuilder.DropIndex(
                name: "ix_maxdomain_live_deleted_at",
                table: "maxdomain");

            migrationBuilder.DropIndex(
                name: "ix_maxdomain_live_domaintype",
                table: "maxdomain");

            migrationBuilder.DropIndex(
                name: "ix_locations_deleted_siteid_description",
                table: "locations");

            migrationBuilder.DropIndex(
                name: "ix_locations_deleted_siteid_location",
                table: "locations");

            migrationBuilder.DropIndex(
                name: "ix_locations_deleted_siteid_status",
                table: "locations");

            migrationBuilder.DropIndex(
                name: "ix_locations_deleted_siteid_status_deleted_at",
                table: "locations");

            migrationBuilder.DropIndex(
                name: "ix_locations_deleted_siteid_type",
                table: "locations");

            migrationBuilder.DropIndex(
                name: "ix_locations_live_parent_siteid",
                table: "locations");

            migrationBuilder.DropIndex(
                name: "ix_locations_live_siteid_description",
                table: "locations");

            migrationBuilder.DropIndex(
                name: "ix_locations_live_siteid_location",
                table: "locations");

            migrationBuilder.DropIndex(
                name: "ix_locations_live_siteid_status",
                table: "locations");

            migrationBuilder.DropIndex(
                name: "ix_locations_live_siteid_status_deleted_at",
                table: "locations");

            migrationBuilder.DropIndex(
                name: "ix_locations_live_siteid_type",
                table: "locations");

            migrationBuilder.DropIndex(
                name: "ix_inventory_deleted_siteid_curbaltotal",
                table: "inventory");

            migrationBuilder.DropIndex(
                name: "ix_inventory_deleted_siteid_description",
                table: "inventory");

            migrationBuilder.DropIndex(
                name: "ix_inventory_deleted_siteid_itemnum",
                table: "inventory");

            migrationBuilder.DropIndex(
                name: "ix_inventory_deleted_siteid_status",
                table: "inventory");

            migrationBuilder.DropIndex(
                name: "ix_inventory_deleted_siteid_status_deleted_at",
                table: "inventory");

            migrationBuilder.DropIndex(
                name: "ix_inventory_live_siteid_curbaltotal",
                table: "inventory");

            migrationBuilder.DropIndex(
                name: "ix_inventory_live_siteid_description",
                table: "inventory");

            migrationBuilder.DropIndex(
                name: "ix_inventory_live_siteid_itemnum",
                table: "inventory");

            migrationBuilder.DropIndex(
                name: "ix_inventory_live_siteid_status",
                table: "inventory");

            migrationBuilder.DropIndex(
                name: "ix_inventory_live_siteid_status_deleted_at",
                table: "inventory");

            migrationBuilder.DropIndex(
                name: "ix_asset_deleted_siteid_assetnum",
                table: "asset");

            migrationBuilder.DropIndex(
                name: "ix_asset_deleted_siteid_description",
                table: "asset");

            migrationBuilder.DropIndex(
                name: "ix_asset_deleted_siteid_location",
                table: "asset");

            migrationBuilder.DropIndex(
                name: "ix_asset_deleted_siteid_status",
                table: "asset");

            migrationBuilder.DropIndex(
                name: "ix_asset_deleted_siteid_status_deleted_at",
                table: "asset");

            migrationBuilder.DropIndex(
                name: "ix_asset_live_siteid_assetnum",
                table: "asset");

            migrationBuilder.DropIndex(
                name: "ix_asset_live_siteid_description",
                table: "asset");

            migrationBuilder.DropIndex(
                name: "ix_asset_live_siteid_location",
                table: "asset");

            migrationBuilder.DropIndex(
                name: "ix_asset_live_siteid_status",
                table: "asset");

            migrationBuilder.DropIndex(
                name: "ix_asset_live_siteid_status_deleted_at",
                table: "asset");

            migrationBuilder.DropColumn(
                name: "parent",
                table: "locations");
        }
    }
}
