using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MaximoOffline.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "account",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "asset",
                columns: table => new
                {
                    assetuid = table.Column<long>(type: "bigint", nullable: false),
                    assetnum = table.Column<string>(type: "text", nullable: true),
                    assettag = table.Column<string>(type: "text", nullable: true),
                    assettype = table.Column<string>(type: "text", nullable: true),
                    changeby = table.Column<string>(type: "text", nullable: true),
                    changedate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    disabled = table.Column<bool>(type: "boolean", nullable: true),
                    installdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    isrunning = table.Column<bool>(type: "boolean", nullable: true),
                    itemnum = table.Column<string>(type: "text", nullable: true),
                    location = table.Column<string>(type: "text", nullable: true),
                    manufacturer = table.Column<string>(type: "text", nullable: true),
                    orgid = table.Column<string>(type: "text", nullable: true),
                    parent = table.Column<string>(type: "text", nullable: true),
                    priority = table.Column<long>(type: "bigint", nullable: true),
                    purchaseprice = table.Column<double>(type: "double precision", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    serialnum = table.Column<string>(type: "text", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: true),
                    statusdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    totalcost = table.Column<double>(type: "double precision", nullable: true),
                    vendor = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asset", x => x.assetuid);
                });

            migrationBuilder.CreateTable(
                name: "inventory",
                columns: table => new
                {
                    inventoryid = table.Column<long>(type: "bigint", nullable: false),
                    abctype = table.Column<string>(type: "text", nullable: true),
                    avblbalance = table.Column<double>(type: "double precision", nullable: true),
                    avgcost = table.Column<double>(type: "double precision", nullable: true),
                    binnum = table.Column<string>(type: "text", nullable: true),
                    category = table.Column<string>(type: "text", nullable: true),
                    curbaltotal = table.Column<double>(type: "double precision", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    deliverytime = table.Column<double>(type: "double precision", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    issueunit = table.Column<string>(type: "text", nullable: true),
                    itemnum = table.Column<string>(type: "text", nullable: true),
                    itemsetid = table.Column<string>(type: "text", nullable: true),
                    lastcost = table.Column<double>(type: "double precision", nullable: true),
                    lastissuedate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    location = table.Column<string>(type: "text", nullable: true),
                    maxlevel = table.Column<double>(type: "double precision", nullable: true),
                    minlevel = table.Column<double>(type: "double precision", nullable: true),
                    orderqty = table.Column<double>(type: "double precision", nullable: true),
                    orderunit = table.Column<string>(type: "text", nullable: true),
                    orgid = table.Column<string>(type: "text", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    reorder = table.Column<bool>(type: "boolean", nullable: true),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: true),
                    statusdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    stdcost = table.Column<double>(type: "double precision", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    vendor = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory", x => x.inventoryid);
                });

            migrationBuilder.CreateTable(
                name: "locations",
                columns: table => new
                {
                    locationsid = table.Column<long>(type: "bigint", nullable: false),
                    changeby = table.Column<string>(type: "text", nullable: true),
                    changedate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    disabled = table.Column<bool>(type: "boolean", nullable: true),
                    glaccount = table.Column<string>(type: "text", nullable: true),
                    location = table.Column<string>(type: "text", nullable: true),
                    orgid = table.Column<string>(type: "text", nullable: true),
                    parent = table.Column<string>(type: "text", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: true),
                    statusdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    type = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_locations", x => x.locationsid);
                });

            migrationBuilder.CreateTable(
                name: "maxdomain",
                columns: table => new
                {
                    maxdomainid = table.Column<long>(type: "bigint", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    domainid = table.Column<string>(type: "text", nullable: true),
                    domaintype = table.Column<string>(type: "text", nullable: true),
                    length = table.Column<long>(type: "bigint", nullable: true),
                    maxtype = table.Column<string>(type: "text", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    scale = table.Column<long>(type: "bigint", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_maxdomain", x => x.maxdomainid);
                });

            migrationBuilder.CreateTable(
                name: "maxgroup",
                columns: table => new
                {
                    maxgroupid = table.Column<long>(type: "bigint", nullable: false),
                    authallsites = table.Column<bool>(type: "boolean", nullable: true),
                    authallstorerooms = table.Column<bool>(type: "boolean", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    groupname = table.Column<string>(type: "text", nullable: true),
                    independent = table.Column<bool>(type: "boolean", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_maxgroup", x => x.maxgroupid);
                });

            migrationBuilder.CreateTable(
                name: "person",
                columns: table => new
                {
                    personuid = table.Column<long>(type: "bigint", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    department = table.Column<string>(type: "text", nullable: true),
                    displayname = table.Column<string>(type: "text", nullable: true),
                    employeetype = table.Column<string>(type: "text", nullable: true),
                    firstname = table.Column<string>(type: "text", nullable: true),
                    lastname = table.Column<string>(type: "text", nullable: true),
                    location = table.Column<string>(type: "text", nullable: true),
                    locationorg = table.Column<string>(type: "text", nullable: true),
                    locationsite = table.Column<string>(type: "text", nullable: true),
                    personid = table.Column<string>(type: "text", nullable: true),
                    primaryemail = table.Column<string>(type: "text", nullable: true),
                    primaryphone = table.Column<string>(type: "text", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<string>(type: "text", nullable: true),
                    statusdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    supervisor = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    title = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person", x => x.personuid);
                });

            migrationBuilder.CreateTable(
                name: "sync_run",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    endpoint = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    site = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    force = table.Column<bool>(type: "boolean", nullable: false),
                    cancel_requested = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    requested_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    cancelled_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    parent_run_id = table.Column<long>(type: "bigint", nullable: true),
                    job_id = table.Column<string>(type: "text", nullable: true),
                    queued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    owner = table.Column<string>(type: "text", nullable: true),
                    heartbeat_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    total_records = table.Column<long>(type: "bigint", nullable: true),
                    pages = table.Column<int>(type: "integer", nullable: false),
                    records_fetched = table.Column<long>(type: "bigint", nullable: false),
                    records_inserted = table.Column<long>(type: "bigint", nullable: false),
                    records_updated = table.Column<long>(type: "bigint", nullable: false),
                    records_deleted = table.Column<long>(type: "bigint", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true),
                    schema_report = table.Column<string>(type: "text", nullable: true),
                    reference_report = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_run", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sync_state",
                columns: table => new
                {
                    endpoint = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    site = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    cursor = table.Column<string>(type: "text", nullable: true),
                    last_full_sync_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_success_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_run_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_state", x => new { x.endpoint, x.site });
                });

            migrationBuilder.CreateTable(
                name: "workorder",
                columns: table => new
                {
                    workorderid = table.Column<long>(type: "bigint", nullable: false),
                    actfinish = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    actlabhrs = table.Column<double>(type: "double precision", nullable: true),
                    actstart = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    acttotalcost = table.Column<double>(type: "double precision", nullable: true),
                    assetnum = table.Column<string>(type: "text", nullable: true),
                    changeby = table.Column<string>(type: "text", nullable: true),
                    changedate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    crewid = table.Column<string>(type: "text", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    estdur = table.Column<double>(type: "double precision", nullable: true),
                    estlabhrs = table.Column<double>(type: "double precision", nullable: true),
                    esttotalcost = table.Column<double>(type: "double precision", nullable: true),
                    historyflag = table.Column<bool>(type: "boolean", nullable: true),
                    istask = table.Column<bool>(type: "boolean", nullable: true),
                    jpnum = table.Column<string>(type: "text", nullable: true),
                    lead = table.Column<string>(type: "text", nullable: true),
                    location = table.Column<string>(type: "text", nullable: true),
                    orgid = table.Column<string>(type: "text", nullable: true),
                    parent = table.Column<string>(type: "text", nullable: true),
                    persongroup = table.Column<string>(type: "text", nullable: true),
                    pmnum = table.Column<string>(type: "text", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    reportdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    schedfinish = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    schedstart = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: true),
                    statusdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    supervisor = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    targcompdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    targstartdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    woclass = table.Column<string>(type: "text", nullable: true),
                    wonum = table.Column<string>(type: "text", nullable: true),
                    wopriority = table.Column<long>(type: "bigint", nullable: true),
                    worktype = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workorder", x => x.workorderid);
                });

            migrationBuilder.CreateTable(
                name: "account_claim",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_claim", x => x.Id);
                    table.ForeignKey(
                        name: "FK_account_claim_account_UserId",
                        column: x => x.UserId,
                        principalTable: "account",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_login",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_login", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_account_login_account_UserId",
                        column: x => x.UserId,
                        principalTable: "account",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_token",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_token", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_account_token_account_UserId",
                        column: x => x.UserId,
                        principalTable: "account",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "api_token",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    account_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_used_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_token", x => x.id);
                    table.ForeignKey(
                        name: "FK_api_token_account_account_id",
                        column: x => x.account_id,
                        principalTable: "account",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assetmeter",
                columns: table => new
                {
                    assetmeterid = table.Column<long>(type: "bigint", nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: true),
                    asset_id = table.Column<long>(type: "bigint", nullable: true),
                    assetnum = table.Column<string>(type: "text", nullable: true),
                    average = table.Column<double>(type: "double precision", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    lastreading = table.Column<string>(type: "text", nullable: true),
                    lastreadingdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    metername = table.Column<string>(type: "text", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assetmeter", x => x.assetmeterid);
                    table.ForeignKey(
                        name: "FK_assetmeter_asset_asset_id",
                        column: x => x.asset_id,
                        principalTable: "asset",
                        principalColumn: "assetuid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assetspec",
                columns: table => new
                {
                    assetspecid = table.Column<long>(type: "bigint", nullable: false),
                    alnvalue = table.Column<string>(type: "text", nullable: true),
                    asset_id = table.Column<long>(type: "bigint", nullable: true),
                    assetattrid = table.Column<string>(type: "text", nullable: true),
                    assetnum = table.Column<string>(type: "text", nullable: true),
                    changedate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    measureunitid = table.Column<string>(type: "text", nullable: true),
                    numvalue = table.Column<double>(type: "double precision", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assetspec", x => x.assetspecid);
                    table.ForeignKey(
                        name: "FK_assetspec_asset_asset_id",
                        column: x => x.asset_id,
                        principalTable: "asset",
                        principalColumn: "assetuid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "downtimereport",
                columns: table => new
                {
                    rowkey = table.Column<string>(type: "text", nullable: false),
                    asset_id = table.Column<long>(type: "bigint", nullable: true),
                    assetnum = table.Column<string>(type: "text", nullable: true),
                    code = table.Column<string>(type: "text", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    downtime = table.Column<double>(type: "double precision", nullable: true),
                    enddate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    startdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_downtimereport", x => x.rowkey);
                    table.ForeignKey(
                        name: "FK_downtimereport_asset_asset_id",
                        column: x => x.asset_id,
                        principalTable: "asset",
                        principalColumn: "assetuid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "serviceaddress",
                columns: table => new
                {
                    serviceaddressid = table.Column<long>(type: "bigint", nullable: false),
                    addresscode = table.Column<string>(type: "text", nullable: true),
                    asset_id = table.Column<long>(type: "bigint", nullable: true),
                    city = table.Column<string>(type: "text", nullable: true),
                    country = table.Column<string>(type: "text", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    latitudey = table.Column<double>(type: "double precision", nullable: true),
                    longitudex = table.Column<double>(type: "double precision", nullable: true),
                    postalcode = table.Column<string>(type: "text", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    stateprovince = table.Column<string>(type: "text", nullable: true),
                    streetaddress = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_serviceaddress", x => x.serviceaddressid);
                    table.ForeignKey(
                        name: "FK_serviceaddress_asset_asset_id",
                        column: x => x.asset_id,
                        principalTable: "asset",
                        principalColumn: "assetuid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invbalances",
                columns: table => new
                {
                    invbalancesid = table.Column<long>(type: "bigint", nullable: false),
                    binnum = table.Column<string>(type: "text", nullable: true),
                    conditioncode = table.Column<string>(type: "text", nullable: true),
                    curbal = table.Column<double>(type: "double precision", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    inventory_id = table.Column<long>(type: "bigint", nullable: true),
                    itemnum = table.Column<string>(type: "text", nullable: true),
                    itemsetid = table.Column<string>(type: "text", nullable: true),
                    location = table.Column<string>(type: "text", nullable: true),
                    lotnum = table.Column<string>(type: "text", nullable: true),
                    physcnt = table.Column<double>(type: "double precision", nullable: true),
                    physcntdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    reservedqty = table.Column<double>(type: "double precision", nullable: true),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    stagingbin = table.Column<bool>(type: "boolean", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invbalances", x => x.invbalancesid);
                    table.ForeignKey(
                        name: "FK_invbalances_inventory_inventory_id",
                        column: x => x.inventory_id,
                        principalTable: "inventory",
                        principalColumn: "inventoryid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invcost",
                columns: table => new
                {
                    invcostid = table.Column<long>(type: "bigint", nullable: false),
                    avgcost = table.Column<double>(type: "double precision", nullable: true),
                    conditioncode = table.Column<string>(type: "text", nullable: true),
                    condrate = table.Column<double>(type: "double precision", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    glaccount = table.Column<string>(type: "text", nullable: true),
                    inventory_id = table.Column<long>(type: "bigint", nullable: true),
                    itemnum = table.Column<string>(type: "text", nullable: true),
                    itemsetid = table.Column<string>(type: "text", nullable: true),
                    lastcost = table.Column<double>(type: "double precision", nullable: true),
                    location = table.Column<string>(type: "text", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    stdcost = table.Column<double>(type: "double precision", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invcost", x => x.invcostid);
                    table.ForeignKey(
                        name: "FK_invcost_inventory_inventory_id",
                        column: x => x.inventory_id,
                        principalTable: "inventory",
                        principalColumn: "inventoryid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "itemcondition",
                columns: table => new
                {
                    itemconditionid = table.Column<long>(type: "bigint", nullable: false),
                    conditioncode = table.Column<string>(type: "text", nullable: true),
                    condrate = table.Column<double>(type: "double precision", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    inventory_id = table.Column<long>(type: "bigint", nullable: true),
                    itemnum = table.Column<string>(type: "text", nullable: true),
                    itemsetid = table.Column<string>(type: "text", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_itemcondition", x => x.itemconditionid);
                    table.ForeignKey(
                        name: "FK_itemcondition_inventory_inventory_id",
                        column: x => x.inventory_id,
                        principalTable: "inventory",
                        principalColumn: "inventoryid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "matrectrans",
                columns: table => new
                {
                    matrectransid = table.Column<long>(type: "bigint", nullable: false),
                    actualdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    binnum = table.Column<string>(type: "text", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    enterby = table.Column<string>(type: "text", nullable: true),
                    fromstoreloc = table.Column<string>(type: "text", nullable: true),
                    inventory_id = table.Column<long>(type: "bigint", nullable: true),
                    issuetype = table.Column<string>(type: "text", nullable: true),
                    itemnum = table.Column<string>(type: "text", nullable: true),
                    itemsetid = table.Column<string>(type: "text", nullable: true),
                    linecost = table.Column<double>(type: "double precision", nullable: true),
                    ponum = table.Column<string>(type: "text", nullable: true),
                    quantity = table.Column<double>(type: "double precision", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    receiptquantity = table.Column<double>(type: "double precision", nullable: true),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    tostoreloc = table.Column<string>(type: "text", nullable: true),
                    transdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    unitcost = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matrectrans", x => x.matrectransid);
                    table.ForeignKey(
                        name: "FK_matrectrans_inventory_inventory_id",
                        column: x => x.inventory_id,
                        principalTable: "inventory",
                        principalColumn: "inventoryid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "transfercuritem",
                columns: table => new
                {
                    rowkey = table.Column<string>(type: "text", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    frombin = table.Column<string>(type: "text", nullable: true),
                    fromstoreloc = table.Column<string>(type: "text", nullable: true),
                    inventory_id = table.Column<long>(type: "bigint", nullable: true),
                    itemnum = table.Column<string>(type: "text", nullable: true),
                    itemsetid = table.Column<string>(type: "text", nullable: true),
                    quantity = table.Column<double>(type: "double precision", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    tobin = table.Column<string>(type: "text", nullable: true),
                    tositeid = table.Column<string>(type: "text", nullable: true),
                    tostoreloc = table.Column<string>(type: "text", nullable: true),
                    unitcost = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transfercuritem", x => x.rowkey);
                    table.ForeignKey(
                        name: "FK_transfercuritem_inventory_inventory_id",
                        column: x => x.inventory_id,
                        principalTable: "inventory",
                        principalColumn: "inventoryid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alndomain",
                columns: table => new
                {
                    alndomainid = table.Column<long>(type: "bigint", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    domainid = table.Column<string>(type: "text", nullable: true),
                    maxdomain_id = table.Column<long>(type: "bigint", nullable: true),
                    orgid = table.Column<string>(type: "text", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alndomain", x => x.alndomainid);
                    table.ForeignKey(
                        name: "FK_alndomain_maxdomain_maxdomain_id",
                        column: x => x.maxdomain_id,
                        principalTable: "maxdomain",
                        principalColumn: "maxdomainid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "maxtabledomain",
                columns: table => new
                {
                    maxtabledomainid = table.Column<long>(type: "bigint", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    domainid = table.Column<string>(type: "text", nullable: true),
                    maxdomain_id = table.Column<long>(type: "bigint", nullable: true),
                    objectname = table.Column<string>(type: "text", nullable: true),
                    orgid = table.Column<string>(type: "text", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    validtnwhereclause = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_maxtabledomain", x => x.maxtabledomainid);
                    table.ForeignKey(
                        name: "FK_maxtabledomain_maxdomain_maxdomain_id",
                        column: x => x.maxdomain_id,
                        principalTable: "maxdomain",
                        principalColumn: "maxdomainid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "numericdomain",
                columns: table => new
                {
                    numericdomainid = table.Column<long>(type: "bigint", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    domainid = table.Column<string>(type: "text", nullable: true),
                    maxdomain_id = table.Column<long>(type: "bigint", nullable: true),
                    orgid = table.Column<string>(type: "text", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_numericdomain", x => x.numericdomainid);
                    table.ForeignKey(
                        name: "FK_numericdomain_maxdomain_maxdomain_id",
                        column: x => x.maxdomain_id,
                        principalTable: "maxdomain",
                        principalColumn: "maxdomainid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "synonymdomain",
                columns: table => new
                {
                    synonymdomainid = table.Column<long>(type: "bigint", nullable: false),
                    defaults = table.Column<bool>(type: "boolean", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    domainid = table.Column<string>(type: "text", nullable: true),
                    maxdomain_id = table.Column<long>(type: "bigint", nullable: true),
                    maxvalue = table.Column<string>(type: "text", nullable: true),
                    orgid = table.Column<string>(type: "text", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_synonymdomain", x => x.synonymdomainid);
                    table.ForeignKey(
                        name: "FK_synonymdomain_maxdomain_maxdomain_id",
                        column: x => x.maxdomain_id,
                        principalTable: "maxdomain",
                        principalColumn: "maxdomainid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "maxuser",
                columns: table => new
                {
                    maxuserid = table.Column<long>(type: "bigint", nullable: false),
                    defsite = table.Column<string>(type: "text", nullable: true),
                    defstoreroom = table.Column<string>(type: "text", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    loginid = table.Column<string>(type: "text", nullable: true),
                    person_id = table.Column<long>(type: "bigint", nullable: true),
                    personid = table.Column<string>(type: "text", nullable: true),
                    querywithsite = table.Column<bool>(type: "boolean", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sysuser = table.Column<bool>(type: "boolean", nullable: true),
                    type = table.Column<string>(type: "text", nullable: true),
                    userid = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_maxuser", x => x.maxuserid);
                    table.ForeignKey(
                        name: "FK_maxuser_person_person_id",
                        column: x => x.person_id,
                        principalTable: "person",
                        principalColumn: "personuid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sync_log",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    seq = table.Column<long>(type: "bigint", nullable: false),
                    time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    message = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_log", x => new { x.run_id, x.seq });
                    table.ForeignKey(
                        name: "FK_sync_log_sync_run_run_id",
                        column: x => x.run_id,
                        principalTable: "sync_run",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sync_run_table",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    table_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    inserted = table.Column<long>(type: "bigint", nullable: false),
                    updated = table.Column<long>(type: "bigint", nullable: false),
                    deleted = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_run_table", x => new { x.run_id, x.table_name });
                    table.ForeignKey(
                        name: "FK_sync_run_table_sync_run_run_id",
                        column: x => x.run_id,
                        principalTable: "sync_run",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "doclinks",
                columns: table => new
                {
                    doclinksid = table.Column<long>(type: "bigint", nullable: false),
                    asset_id = table.Column<long>(type: "bigint", nullable: true),
                    changedate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    createby = table.Column<string>(type: "text", nullable: true),
                    createdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    docinfoid = table.Column<long>(type: "bigint", nullable: true),
                    doctype = table.Column<string>(type: "text", nullable: true),
                    document = table.Column<string>(type: "text", nullable: true),
                    ownerid = table.Column<long>(type: "bigint", nullable: true),
                    ownertable = table.Column<string>(type: "text", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    urlname = table.Column<string>(type: "text", nullable: true),
                    urltype = table.Column<string>(type: "text", nullable: true),
                    workorder_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_doclinks", x => x.doclinksid);
                    table.ForeignKey(
                        name: "FK_doclinks_asset_asset_id",
                        column: x => x.asset_id,
                        principalTable: "asset",
                        principalColumn: "assetuid",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_doclinks_workorder_workorder_id",
                        column: x => x.workorder_id,
                        principalTable: "workorder",
                        principalColumn: "workorderid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "failurereport",
                columns: table => new
                {
                    failurereportid = table.Column<long>(type: "bigint", nullable: false),
                    asset_id = table.Column<long>(type: "bigint", nullable: true),
                    assetnum = table.Column<string>(type: "text", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    failurecode = table.Column<string>(type: "text", nullable: true),
                    linenum = table.Column<string>(type: "text", nullable: true),
                    orgid = table.Column<string>(type: "text", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    type = table.Column<string>(type: "text", nullable: true),
                    wonum = table.Column<string>(type: "text", nullable: true),
                    workorder_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_failurereport", x => x.failurereportid);
                    table.ForeignKey(
                        name: "FK_failurereport_asset_asset_id",
                        column: x => x.asset_id,
                        principalTable: "asset",
                        principalColumn: "assetuid",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_failurereport_workorder_workorder_id",
                        column: x => x.workorder_id,
                        principalTable: "workorder",
                        principalColumn: "workorderid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "labtrans",
                columns: table => new
                {
                    labtransid = table.Column<long>(type: "bigint", nullable: false),
                    craft = table.Column<string>(type: "text", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finishdatetime = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    genapprservreceipt = table.Column<bool>(type: "boolean", nullable: true),
                    laborcode = table.Column<string>(type: "text", nullable: true),
                    linecost = table.Column<double>(type: "double precision", nullable: true),
                    payrate = table.Column<double>(type: "double precision", nullable: true),
                    premiumpayhours = table.Column<double>(type: "double precision", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    refwo = table.Column<string>(type: "text", nullable: true),
                    regularhrs = table.Column<double>(type: "double precision", nullable: true),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    startdatetime = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    transdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    transtype = table.Column<string>(type: "text", nullable: true),
                    workorder_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_labtrans", x => x.labtransid);
                    table.ForeignKey(
                        name: "FK_labtrans_workorder_workorder_id",
                        column: x => x.workorder_id,
                        principalTable: "workorder",
                        principalColumn: "workorderid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "matusetrans",
                columns: table => new
                {
                    matusetransid = table.Column<long>(type: "bigint", nullable: false),
                    actualdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    assetnum = table.Column<string>(type: "text", nullable: true),
                    binnum = table.Column<string>(type: "text", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    enterby = table.Column<string>(type: "text", nullable: true),
                    inventory_id = table.Column<long>(type: "bigint", nullable: true),
                    issuetype = table.Column<string>(type: "text", nullable: true),
                    itemnum = table.Column<string>(type: "text", nullable: true),
                    itemsetid = table.Column<string>(type: "text", nullable: true),
                    linecost = table.Column<double>(type: "double precision", nullable: true),
                    location = table.Column<string>(type: "text", nullable: true),
                    quantity = table.Column<double>(type: "double precision", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    refwo = table.Column<string>(type: "text", nullable: true),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    storeloc = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    transdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    unitcost = table.Column<double>(type: "double precision", nullable: true),
                    workorder_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matusetrans", x => x.matusetransid);
                    table.ForeignKey(
                        name: "FK_matusetrans_inventory_inventory_id",
                        column: x => x.inventory_id,
                        principalTable: "inventory",
                        principalColumn: "inventoryid",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_matusetrans_workorder_workorder_id",
                        column: x => x.workorder_id,
                        principalTable: "workorder",
                        principalColumn: "workorderid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tooltrans",
                columns: table => new
                {
                    tooltransid = table.Column<long>(type: "bigint", nullable: false),
                    assetnum = table.Column<string>(type: "text", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    itemnum = table.Column<string>(type: "text", nullable: true),
                    itemsetid = table.Column<string>(type: "text", nullable: true),
                    linecost = table.Column<double>(type: "double precision", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    refwo = table.Column<string>(type: "text", nullable: true),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    toolhrs = table.Column<double>(type: "double precision", nullable: true),
                    toolqty = table.Column<double>(type: "double precision", nullable: true),
                    toolrate = table.Column<double>(type: "double precision", nullable: true),
                    transdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    workorder_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tooltrans", x => x.tooltransid);
                    table.ForeignKey(
                        name: "FK_tooltrans_workorder_workorder_id",
                        column: x => x.workorder_id,
                        principalTable: "workorder",
                        principalColumn: "workorderid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "worklog",
                columns: table => new
                {
                    worklogid = table.Column<long>(type: "bigint", nullable: false),
                    @class = table.Column<string>(name: "class", type: "text", nullable: true),
                    clientviewable = table.Column<bool>(type: "boolean", nullable: true),
                    createby = table.Column<string>(type: "text", nullable: true),
                    createdate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    logtype = table.Column<string>(type: "text", nullable: true),
                    modifydate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    recordkey = table.Column<string>(type: "text", nullable: true),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    workorder_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_worklog", x => x.worklogid);
                    table.ForeignKey(
                        name: "FK_worklog_workorder_workorder_id",
                        column: x => x.workorder_id,
                        principalTable: "workorder",
                        principalColumn: "workorderid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "woserviceaddress",
                columns: table => new
                {
                    woserviceaddressid = table.Column<long>(type: "bigint", nullable: false),
                    addresscode = table.Column<string>(type: "text", nullable: true),
                    city = table.Column<string>(type: "text", nullable: true),
                    country = table.Column<string>(type: "text", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    latitudey = table.Column<double>(type: "double precision", nullable: true),
                    longitudex = table.Column<double>(type: "double precision", nullable: true),
                    postalcode = table.Column<string>(type: "text", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    stateprovince = table.Column<string>(type: "text", nullable: true),
                    streetaddress = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    wonum = table.Column<string>(type: "text", nullable: true),
                    workorder_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_woserviceaddress", x => x.woserviceaddressid);
                    table.ForeignKey(
                        name: "FK_woserviceaddress_workorder_workorder_id",
                        column: x => x.workorder_id,
                        principalTable: "workorder",
                        principalColumn: "workorderid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "wplabor",
                columns: table => new
                {
                    wplaborid = table.Column<long>(type: "bigint", nullable: false),
                    craft = table.Column<string>(type: "text", nullable: true),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    laborcode = table.Column<string>(type: "text", nullable: true),
                    laborhrs = table.Column<double>(type: "double precision", nullable: true),
                    linecost = table.Column<double>(type: "double precision", nullable: true),
                    quantity = table.Column<long>(type: "bigint", nullable: true),
                    rate = table.Column<double>(type: "double precision", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    skilllevel = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    vendor = table.Column<string>(type: "text", nullable: true),
                    wonum = table.Column<string>(type: "text", nullable: true),
                    workorder_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wplabor", x => x.wplaborid);
                    table.ForeignKey(
                        name: "FK_wplabor_workorder_workorder_id",
                        column: x => x.workorder_id,
                        principalTable: "workorder",
                        principalColumn: "workorderid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "wpmaterial",
                columns: table => new
                {
                    wpitemid = table.Column<long>(type: "bigint", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    issueunit = table.Column<string>(type: "text", nullable: true),
                    itemnum = table.Column<string>(type: "text", nullable: true),
                    itemqty = table.Column<double>(type: "double precision", nullable: true),
                    itemsetid = table.Column<string>(type: "text", nullable: true),
                    linecost = table.Column<double>(type: "double precision", nullable: true),
                    linetype = table.Column<string>(type: "text", nullable: true),
                    location = table.Column<string>(type: "text", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    requiredate = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    unitcost = table.Column<double>(type: "double precision", nullable: true),
                    wonum = table.Column<string>(type: "text", nullable: true),
                    workorder_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wpmaterial", x => x.wpitemid);
                    table.ForeignKey(
                        name: "FK_wpmaterial_workorder_workorder_id",
                        column: x => x.workorder_id,
                        principalTable: "workorder",
                        principalColumn: "workorderid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "wptool",
                columns: table => new
                {
                    wpitemid = table.Column<long>(type: "bigint", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    hours = table.Column<double>(type: "double precision", nullable: true),
                    itemnum = table.Column<string>(type: "text", nullable: true),
                    itemqty = table.Column<double>(type: "double precision", nullable: true),
                    itemsetid = table.Column<string>(type: "text", nullable: true),
                    linecost = table.Column<double>(type: "double precision", nullable: true),
                    rate = table.Column<double>(type: "double precision", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    siteid = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    wonum = table.Column<string>(type: "text", nullable: true),
                    workorder_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wptool", x => x.wpitemid);
                    table.ForeignKey(
                        name: "FK_wptool_workorder_workorder_id",
                        column: x => x.workorder_id,
                        principalTable: "workorder",
                        principalColumn: "workorderid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "crossoverdomain",
                columns: table => new
                {
                    crossoverdomainid = table.Column<long>(type: "bigint", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    destfield = table.Column<string>(type: "text", nullable: true),
                    domainid = table.Column<string>(type: "text", nullable: true),
                    maxtabledomain_id = table.Column<long>(type: "bigint", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    sequence = table.Column<long>(type: "bigint", nullable: true),
                    sourcefield = table.Column<string>(type: "text", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_crossoverdomain", x => x.crossoverdomainid);
                    table.ForeignKey(
                        name: "FK_crossoverdomain_maxtabledomain_maxtabledomain_id",
                        column: x => x.maxtabledomain_id,
                        principalTable: "maxtabledomain",
                        principalColumn: "maxtabledomainid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "groupuser",
                columns: table => new
                {
                    groupuserid = table.Column<long>(type: "bigint", nullable: false),
                    deleted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    groupname = table.Column<string>(type: "text", nullable: true),
                    maxuser_id = table.Column<long>(type: "bigint", nullable: true),
                    raw = table.Column<string>(type: "jsonb", nullable: false),
                    rowstamp = table.Column<long>(type: "bigint", nullable: true),
                    sync_run_id = table.Column<long>(type: "bigint", nullable: true),
                    synced_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    userid = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_groupuser", x => x.groupuserid);
                    table.ForeignKey(
                        name: "FK_groupuser_maxuser_maxuser_id",
                        column: x => x.maxuser_id,
                        principalTable: "maxuser",
                        principalColumn: "maxuserid",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "account",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "account",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_account_claim_UserId",
                table: "account_claim",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_account_login_UserId",
                table: "account_login",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_alndomain_maxdomain_id",
                table: "alndomain",
                column: "maxdomain_id");

            migrationBuilder.CreateIndex(
                name: "IX_api_token_account_id",
                table: "api_token",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "IX_api_token_hash",
                table: "api_token",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_asset_changedate",
                table: "asset",
                column: "changedate");

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

            migrationBuilder.CreateIndex(
                name: "ux_asset_natural_key",
                table: "asset",
                columns: new[] { "assetnum", "siteid" },
                unique: true,
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_assetmeter_asset_id",
                table: "assetmeter",
                column: "asset_id");

            migrationBuilder.CreateIndex(
                name: "IX_assetspec_asset_id",
                table: "assetspec",
                column: "asset_id");

            migrationBuilder.CreateIndex(
                name: "IX_assetspec_changedate",
                table: "assetspec",
                column: "changedate");

            migrationBuilder.CreateIndex(
                name: "IX_crossoverdomain_maxtabledomain_id",
                table: "crossoverdomain",
                column: "maxtabledomain_id");

            migrationBuilder.CreateIndex(
                name: "IX_doclinks_asset_id",
                table: "doclinks",
                column: "asset_id");

            migrationBuilder.CreateIndex(
                name: "IX_doclinks_changedate",
                table: "doclinks",
                column: "changedate");

            migrationBuilder.CreateIndex(
                name: "IX_doclinks_workorder_id",
                table: "doclinks",
                column: "workorder_id");

            migrationBuilder.CreateIndex(
                name: "IX_downtimereport_asset_id",
                table: "downtimereport",
                column: "asset_id");

            migrationBuilder.CreateIndex(
                name: "IX_failurereport_asset_id",
                table: "failurereport",
                column: "asset_id");

            migrationBuilder.CreateIndex(
                name: "IX_failurereport_workorder_id",
                table: "failurereport",
                column: "workorder_id");

            migrationBuilder.CreateIndex(
                name: "IX_groupuser_maxuser_id",
                table: "groupuser",
                column: "maxuser_id");

            migrationBuilder.CreateIndex(
                name: "IX_invbalances_inventory_id",
                table: "invbalances",
                column: "inventory_id");

            migrationBuilder.CreateIndex(
                name: "IX_invcost_inventory_id",
                table: "invcost",
                column: "inventory_id");

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
                name: "ux_inventory_natural_key",
                table: "inventory",
                columns: new[] { "itemnum", "itemsetid", "location", "siteid" },
                unique: true,
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_itemcondition_inventory_id",
                table: "itemcondition",
                column: "inventory_id");

            migrationBuilder.CreateIndex(
                name: "IX_labtrans_workorder_id",
                table: "labtrans",
                column: "workorder_id");

            migrationBuilder.CreateIndex(
                name: "IX_locations_changedate",
                table: "locations",
                column: "changedate");

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
                name: "ux_locations_natural_key",
                table: "locations",
                columns: new[] { "location", "siteid" },
                unique: true,
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_matrectrans_inventory_id",
                table: "matrectrans",
                column: "inventory_id");

            migrationBuilder.CreateIndex(
                name: "IX_matusetrans_inventory_id",
                table: "matusetrans",
                column: "inventory_id");

            migrationBuilder.CreateIndex(
                name: "IX_matusetrans_workorder_id",
                table: "matusetrans",
                column: "workorder_id");

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
                name: "ux_maxdomain_natural_key",
                table: "maxdomain",
                column: "domainid",
                unique: true,
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ux_maxgroup_natural_key",
                table: "maxgroup",
                column: "groupname",
                unique: true,
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_maxtabledomain_maxdomain_id",
                table: "maxtabledomain",
                column: "maxdomain_id");

            migrationBuilder.CreateIndex(
                name: "IX_maxuser_person_id",
                table: "maxuser",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "IX_numericdomain_maxdomain_id",
                table: "numericdomain",
                column: "maxdomain_id");

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
                name: "ux_person_natural_key",
                table: "person",
                column: "personid",
                unique: true,
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_serviceaddress_asset_id",
                table: "serviceaddress",
                column: "asset_id");

            migrationBuilder.CreateIndex(
                name: "IX_sync_run_endpoint_status",
                table: "sync_run",
                columns: new[] { "endpoint", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_sync_run_parent_run_id",
                table: "sync_run",
                column: "parent_run_id");

            migrationBuilder.CreateIndex(
                name: "IX_synonymdomain_maxdomain_id",
                table: "synonymdomain",
                column: "maxdomain_id");

            migrationBuilder.CreateIndex(
                name: "IX_tooltrans_workorder_id",
                table: "tooltrans",
                column: "workorder_id");

            migrationBuilder.CreateIndex(
                name: "IX_transfercuritem_inventory_id",
                table: "transfercuritem",
                column: "inventory_id");

            migrationBuilder.CreateIndex(
                name: "IX_worklog_workorder_id",
                table: "worklog",
                column: "workorder_id");

            migrationBuilder.CreateIndex(
                name: "IX_workorder_changedate",
                table: "workorder",
                column: "changedate");

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
                name: "ux_workorder_natural_key",
                table: "workorder",
                columns: new[] { "siteid", "wonum" },
                unique: true,
                filter: "\"deleted_at\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_woserviceaddress_workorder_id",
                table: "woserviceaddress",
                column: "workorder_id");

            migrationBuilder.CreateIndex(
                name: "IX_wplabor_workorder_id",
                table: "wplabor",
                column: "workorder_id");

            migrationBuilder.CreateIndex(
                name: "IX_wpmaterial_workorder_id",
                table: "wpmaterial",
                column: "workorder_id");

            migrationBuilder.CreateIndex(
                name: "IX_wptool_workorder_id",
                table: "wptool",
                column: "workorder_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_claim");

            migrationBuilder.DropTable(
                name: "account_login");

            migrationBuilder.DropTable(
                name: "account_token");

            migrationBuilder.DropTable(
                name: "alndomain");

            migrationBuilder.DropTable(
                name: "api_token");

            migrationBuilder.DropTable(
                name: "assetmeter");

            migrationBuilder.DropTable(
                name: "assetspec");

            migrationBuilder.DropTable(
                name: "crossoverdomain");

            migrationBuilder.DropTable(
                name: "doclinks");

            migrationBuilder.DropTable(
                name: "downtimereport");

            migrationBuilder.DropTable(
                name: "failurereport");

            migrationBuilder.DropTable(
                name: "groupuser");

            migrationBuilder.DropTable(
                name: "invbalances");

            migrationBuilder.DropTable(
                name: "invcost");

            migrationBuilder.DropTable(
                name: "itemcondition");

            migrationBuilder.DropTable(
                name: "labtrans");

            migrationBuilder.DropTable(
                name: "locations");

            migrationBuilder.DropTable(
                name: "matrectrans");

            migrationBuilder.DropTable(
                name: "matusetrans");

            migrationBuilder.DropTable(
                name: "maxgroup");

            migrationBuilder.DropTable(
                name: "numericdomain");

            migrationBuilder.DropTable(
                name: "serviceaddress");

            migrationBuilder.DropTable(
                name: "sync_log");

            migrationBuilder.DropTable(
                name: "sync_run_table");

            migrationBuilder.DropTable(
                name: "sync_state");

            migrationBuilder.DropTable(
                name: "synonymdomain");

            migrationBuilder.DropTable(
                name: "tooltrans");

            migrationBuilder.DropTable(
                name: "transfercuritem");

            migrationBuilder.DropTable(
                name: "worklog");

            migrationBuilder.DropTable(
                name: "woserviceaddress");

            migrationBuilder.DropTable(
                name: "wplabor");

            migrationBuilder.DropTable(
                name: "wpmaterial");

            migrationBuilder.DropTable(
                name: "wptool");

            migrationBuilder.DropTable(
                name: "account");

            migrationBuilder.DropTable(
                name: "maxtabledomain");

            migrationBuilder.DropTable(
                name: "maxuser");

            migrationBuilder.DropTable(
                name: "asset");

            migrationBuilder.DropTable(
                name: "sync_run");

            migrationBuilder.DropTable(
                name: "inventory");

            migrationBuilder.DropTable(
                name: "workorder");

            migrationBuilder.DropTable(
                name: "maxdomain");

            migrationBuilder.DropTable(
                name: "person");
        }
    }
}
