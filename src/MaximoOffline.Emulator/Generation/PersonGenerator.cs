using MaximoOffline.Emulator.Data;

namespace MaximoOffline.Emulator.Generation;

// MXAPIPERUSER: 420 persons per unit of scale; their users hold exactly 2,051 group memberships per
// unit of scale over 24 security groups (a person without memberships has no user).
internal sealed class PersonGenerator(int scale)
{
    private static readonly IdSequence Ids = new(100, 2, 0x9E45);
    private const long InsertedMembershipBase = 900_000_000;

    public static readonly (string Name, string Description)[] Groups =
    [
        ("MAXADMIN", "Maximo Administrators"), ("MAXEVERYONE", "All Maximo users"), ("MAXDEFLTREG", "Default self-registration group"),
        ("MAXREG", "Self registration"), ("ASSETMGR", "Asset managers"), ("CONTRACT", "Contract administrators"), ("DIRECTOR", "Directors"),
        ("EQUIPMGR", "Equipment managers"), ("INVENTORYMGR", "Inventory managers"), ("MAINTSUPERVISOR", "Maintenance supervisors"),
        ("MAINTMGR", "Maintenance managers"), ("PLANNER", "Planners"), ("PURCHASING", "Purchasing agents"), ("STOREROOMMGR", "Storeroom managers"),
        ("SUPERVISOR", "Supervisors"), ("TECHNICIAN", "Technicians"), ("WORKMGR", "Work managers"), ("SAFETY", "Safety officers"),
        ("ENGINEER", "Reliability engineers"), ("FINANCE", "Finance"), ("EX_KDFAC_TECH", "KDFAC field technicians"),
        ("EX_LCVIRQ_TECH", "LCVIRQ field technicians"), ("EX_READONLY", "Read-only access"), ("MOBILEUSERS", "Maximo Mobile users"),
    ];

    private static readonly (string Value, string Description)[] EmployeeTypes =
        [("FT", "Full time"), ("PT", "Part time"), ("CONTRACT", "Contractor")];

    private readonly ExactSplit _memberships = new(2051L * scale, 420L * scale, 0x6E0);

    public int Count => 420 * scale;

    public static long MaxGroupId(int group) => 10 + group * 3L;

    private static string PersonId(in Row r) => $"{r.Pick(2, Words.LastNames).ToUpperInvariant()}{Words.Initial(r.Pick(1, Words.FirstNames))}{r.Index + 1}";

    private static string SiteOf(in Row r) => r.Chance(3, 70) ? Words.FirstSite : Words.SecondSite;

    private int MembershipCount(long person) =>
        person < Count ? _memberships.CountOf(person) : 1 + (int)(Hash.Of(0x51, (ulong)person) % 5);

    private long MembershipStart(long person) =>
        person < Count ? _memberships.Start(person) : InsertedMembershipBase + (person - Count) * 8;

    // The j-th group of a person: a partial shuffle of the groups, so a user is never twice in one group.
    private static int GroupOf(ulong seed, long person, int j)
    {
        Span<int> order = stackalloc int[Groups.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        for (var i = 0; i <= j; i++)
        {
            var pick = i + (int)(Hash.Of(Hash.Of(seed, 0x6A0), Hash.Of((ulong)person, (ulong)i)) % (ulong)(order.Length - i));
            (order[i], order[pick]) = (order[pick], order[i]);
        }
        return order[j];
    }

    public GeneratedSource Create(ulong seed)
    {
        var schema = new SchemaBuilder()
            .Add("personid", static (in Row r) => PersonId(r))
            .Add("personuid", static (in Row r) => Ids.At(r.Index))
            .Add("firstname", static (in Row r) => r.Pick(1, Words.FirstNames))
            .Add("lastname", static (in Row r) => r.Pick(2, Words.LastNames))
            .Add("displayname", static (in Row r) => $"{r.Pick(1, Words.FirstNames)} {r.Pick(2, Words.LastNames)}")
            .Add("title", static (in Row r) => r.Pick(4, (string[])["Technician", "Planner", "Supervisor", "Engineer", "Storekeeper", "Manager", "Buyer"]))
            .Described("status", static (in Row r) => r.Chance(5, 94) ? "ACTIVE" : "INACTIVE", Statuses.Describer(Statuses.Person))
            .Add("statusdate", static (in Row r) => r.DaysAgo(6, 0, 3000))
            .Add("locationsite", static (in Row r) => SiteOf(r))
            .Add("locationorg", static (in Row _) => Words.Org)
            .Add("location", static (in Row r) => r.Chance(20, 60) ? null : LocationsGenerator.NameOf(SiteOf(r) == Words.FirstSite, r.Int(21, 1, 50)))
            .Add("department", static (in Row r) => r.Pick(7, (string[])["MAINT", "OPS", "STORES", "ENG", "FIN"]))
            .Add("supervisor", static (in Row r) => r.Chance(8, 30) ? null : r.Pick(9, Words.Users))
            .Add("primaryemail", static (in Row r) => $"{r.Pick(1, Words.FirstNames).ToLowerInvariant()}.{r.Pick(2, Words.LastNames).ToLowerInvariant()}{r.Index + 1}@eagle.example")
            .Add("primaryphone", static (in Row r) => $"(555) {r.Int(10, 100, 999)}-{r.Int(11, 1000, 9999)}")
            .Described("employeetype", static (in Row r) => r.Pick(12, (string[])["FT", "PT", "CONTRACT"]), Statuses.Describer(EmployeeTypes))
            .Add("jobcode", static (in Row r) => r.Pick(13, Words.Crafts))
            .Add("language", static (in Row _) => "EN")
            .Described("locale", static (in Row _) => "en_US", static _ => "English (United States)")
            .Described("timezone", static (in Row _) => "America/New_York", static _ => "(GMT-05:00) Eastern Time (US and Canada)")
            .Add("hiredate", static (in Row r) => r.DaysAgo(14, 200, 9000))
            .Add("terminationdate", static (in Row _) => null)
            .Add("birthdate", static (in Row _) => null)
            .Described("wfmailelection", static (in Row _) => "PROCESS", static _ => "Receive notifications for each assignment")
            .Described("transemailelection", static (in Row _) => "NEVER", static _ => "Never notify")
            .Add("acceptingwfmail", static (in Row _) => true)
            .Add("loctoservreq", static (in Row _) => true)
            .Add("country", static (in Row _) => "US")
            .Add("city", static (in Row r) => r.Pick(15, (string[])["Kingston", "Dover", "Albany", "Richmond"]))
            .Add("stateprovince", static (in Row r) => r.Pick(16, (string[])["NY", "DE", "VA"]))
            .Add("postalcode", static (in Row r) => $"{r.Int(17, 10000, 99999)}")
            .Add("addressline1", static (in Row r) => $"{r.Int(18, 10, 9999)} {r.Pick(19, Words.LastNames)} Road")
            .Add("hasld", static (in Row _) => false)
            .Add("langcode", static (in Row _) => "EN")
            .Filler("addressline2", "addressline3", "billtoaddress", "shiptoaddress", "county", "regiondistrict", "droppoint", "delegate",
                "delegatefromdate", "delegatetodate", "externalrefid", "sendersysid", "sourcesysid", "ownersysid", "nickname",
                "pcardnumber", "pcardtype", "pcardexpdate", "pcardverification", "vip", "workzone", "shiptoaddresscode",
                "lastevaldate", "nextevaldate", "primarysms", "imname", "wopriority", "birthcity", "dfltapp", "hrpersonid",
                "ldapdn", "masissuer", "statusiface", "employeenum", "payrollid", "reportedbyid", "costcenter", "orgunit", "managerid", "workphone", "mobilephone", "faxphone", "pager")
            .AlwaysNull("pluspcustomer", "pcardtype2")
            // Attributes real servers send that the rest of the data does not depend on: the industry
            // add-ons' authorisation flags (plusg), customer types (plusp), calendars and notifications.
            .Described("caltype", ("STANDARD", "Standard calendar"), ("SHIFT", "Shift calendar"))
            .Described("deviceclass", static (in Row r) => (long)r.Int(22, 1, 4), static code => $"Device class {code}")
            .Flags("languserupdated")
            .Flags("plusgauditapprover", "plusgauthlockmgmt", "plusgbyprevapp", "plusgcertrevapp", "plusgconfspaceauth", "plusgfinauthority",
                "plusggastestauth", "plusghfapprover", "plusgiscertified", "plusgisolationauth", "plusgisospec", "plusgmocrevapp", "plusgperareaauth",
                "plusgperissueauth", "plusgperperfauth", "plusgptwrevapp", "plusgradiosrcauth", "plusgrcfaapprover", "plusgriskrevapp",
                "plusgsitecheckerauth", "plusgsolnapprover", "plusgtechauthority")
            .Fill(FillerKind.Count, "plusgptwissuecounter")
            .Described("pluspcustvndtype", ("CUSTOMER", "Customer"), ("VENDOR", "Vendor"), ("BOTH", "Customer and vendor"))
            .Described("usernotftype", ("EMAIL", "Email"), ("SMS", "Text message"), ("NONE", "No notification"))
            .Described("ud_subcontractor", ("Y", "Subcontractor"), ("N", "Employee"))
            .Filler("ex_badge", "ex_costcenter", "ex_union", "ex_shift", "ex_certexpdate", "ex_crew", "ex_vehicle", "ex_radio",
                "ka_payrollid", "kd_bldgaccess")
            .Build();
        return new GeneratedSource(ObjectStructures.PerUser, schema, Count, seed, Ids, RowstampRegions.For("person"), [Users()]);
    }

    private ChildTable Users()
    {
        var schema = new SchemaBuilder()
            .Add("maxuserid", static (in Row r) => 5_000 + r.Index)
            .Add("userid", static (in Row r) => PersonId(new Row(r.Seed, Hash.OfName("person"), r.Index)))
            .Add("loginid", static (in Row r) => PersonId(new Row(r.Seed, Hash.OfName("person"), r.Index)).ToLowerInvariant())
            .Add("personid", static (in Row r) => PersonId(new Row(r.Seed, Hash.OfName("person"), r.Index)))
            .Described("status", static (in Row r) => r.Chance(1, 95) ? "ACTIVE" : "INACTIVE", Statuses.Describer(Statuses.User))
            .Described("type", static (in Row _) => "TYPE 1", static _ => "Type 1")
            .Add("defsite", static (in Row r) => SiteOf(new Row(r.Seed, Hash.OfName("person"), r.Index)))
            .Add("insertsite", static (in Row r) => SiteOf(new Row(r.Seed, Hash.OfName("person"), r.Index)))
            .Add("querywithsite", static (in Row _) => true)
            .Add("sysuser", static (in Row _) => false)
            .Add("inactivesites", static (in Row _) => false)
            .Add("screenreader", static (in Row _) => false)
            .Add("forceexpiration", static (in Row _) => false)
            .Add("failedlogins", static (in Row r) => (long)r.Int(2, 0, 3))
            .Add("pwexpiration", static (in Row r) => r.Chance(3, 60) ? null : r.DaysAgo(4, -200, 0))
            .Add("defstoreroom", static (in Row r) => r.Chance(5, 70) ? null : LocationsGenerator.Storeroom(SiteOf(new Row(r.Seed, Hash.OfName("person"), r.Index)) == Words.FirstSite))
            .Add("storeroomsite", static (in Row r) => r.Chance(5, 70) ? null : SiteOf(new Row(r.Seed, Hash.OfName("person"), r.Index)))
            .Fill(FillerKind.Text, "memo")
            .Add("isconsultant", static (in Row _) => false)
            .Add("loginerrorcount", static (in Row _) => "0")
            .Add("cognossyncstatus", static (in Row _) => "notenabled")
            .Add("masissuer", static (in Row _) => "local")
            // Maximo sends the column, never the secret: the value is a mask.
            .Add("password", static (in Row _) => "********")
            .Fill(FillerKind.Count, "sidenav")
            .Codes("ud_ticket")
            .Described("ud_type", ("FIELD", "Field user"), ("OFFICE", "Office user"), ("SERVICE", "Service account"))
            .Build();
        var memberships = GroupUsers();
        return new ChildTable("maxuser", "user", schema, RowstampRegions.For("maxuser"),
            (in Row person) => MembershipCount(person.Index) == 0 ? [] : [new Slot(person.Index, 5_000 + person.Index)],
            nested: [memberships]);
    }

    private ChildTable GroupUsers()
    {
        var schema = new SchemaBuilder()
            .Add("groupuserid", static (in Row r) => 20_000 + r.Index)
            .Add("groupname", static (in Row r) => Groups[GroupOf(r.Seed, r.ParentIndex, r.Ordinal)].Name)
            .Add("userid", static (in Row r) => PersonId(new Row(r.Seed, Hash.OfName("person"), r.ParentIndex)))
            .Build();
        var groups = MaxGroups();
        return new ChildTable("groupuser", "groupuser", schema, RowstampRegions.For("groupuser"),
            (in Row user) =>
            {
                var count = MembershipCount(user.Index);
                var start = MembershipStart(user.Index);
                var slots = new Slot[count];
                for (var j = 0; j < count; j++)
                {
                    slots[j] = new Slot(start + j, 20_000 + start + j);
                }
                return slots;
            },
            nested: [groups]);
    }

    // The same group record appears under every membership of that group.
    private static ChildTable MaxGroups()
    {
        var schema = new SchemaBuilder()
            .Add("maxgroupid", static (in Row r) => MaxGroupId((int)r.Index))
            .Add("groupname", static (in Row r) => Groups[r.Index].Name)
            .Add("description", static (in Row r) => Groups[r.Index].Description)
            .Add("authallsites", static (in Row r) => r.Index < 2)
            .Add("authallstorerooms", static (in Row r) => r.Index < 2)
            .Add("authallgls", static (in Row r) => r.Index < 2)
            .Add("authlaborall", static (in Row r) => r.Index == 0)
            .Add("independent", static (in Row _) => true)
            .Add("passwordduration", static (in Row r) => r.Index % 3 == 0 ? null : 90L)
            .Add("passwordwarning", static (in Row r) => r.Index % 3 == 0 ? null : 7L)
            .Add("sctemplateid", static (in Row r) => r.Index % 4 == 0 ? (long)r.Index + 1 : null)
            .Add("workcenter", static (in Row r) => r.Index >= 20 ? "1" : "0")
            .Add("nullrepfac", static (in Row _) => true)
            .Add("langcode", static (in Row _) => "EN")
            .Add("authallrepfacs", static (in Row r) => r.Index < 2)
            .Add("authlaborcrew", static (in Row r) => r.Index < 4)
            .Add("authlaborself", static (in Row r) => r.Index != 22)
            .Add("authlaborsuper", static (in Row r) => r.Index is 9 or 10 or 14)
            .Add("authpersongroup", static (in Row r) => r.Index < 4)
            .Add("pluspauthallcust", static (in Row r) => r.Index == 0)
            .Add("pluspauthcustvnd", static (in Row r) => r.Index == 0)
            .Add("pluspauthgrplst", static (in Row _) => false)
            .Add("pluspauthnoncust", static (in Row r) => r.Index < 2)
            .Add("pluspauthperslst", static (in Row _) => false)
            .Add("sidenav", static (in Row r) => r.Index >= 4)
            .Build();
        return new ChildTable("maxgroup", "maxgroup", schema, RowstampRegions.For("maxgroup"),
            static (in Row membership) =>
            {
                var group = GroupOf(membership.Seed, membership.ParentIndex, membership.Ordinal);
                return [new Slot(group, MaxGroupId(group))];
            });
    }
}
