namespace MaximoOffline.Emulator;

// Settings of the emulated Maximo. A class, not a record: it holds the login secrets and a record's
// generated ToString() would print them.
public sealed class EmulatorOptions
{
    // Transactional volumes (assets, locations, work orders, inventory, persons) are multiplied by it.
    public int Scale { get; set; } = 1;
    public int Seed { get; set; } = 42;

    // The key of the integration user MXINTADM, accepted from the start.
    public string ApiKey { get; set; } = "maximo-offline-demo";
    public string Username { get; set; } = "maxadmin";
    public string Password { get; set; } = "maxadmin";

    // mxe.oslc.maxpagesize: a larger oslc.pageSize is refused; it is also the page size when none is asked.
    public int MaxPageSize { get; set; } = 1000;

    // Maps /emulator/... (data changes and fault injection). Never on in the product's default host.
    public bool ControlApiEnabled { get; set; }

    // A folder of saved Maximo responses (mxapiasset.json, mxapiasset-2.json, ...) to serve instead of generated data.
    public string? DataDirectory { get; set; }

    // Maximo's quirk: a request carrying a session cookie and an API key is refused with BMXAA0021E.
    public bool RejectCookieWithApiKey { get; set; } = true;

    // The user that owns ApiKey, and whoami's answer for it.
    public string ApiKeyUser { get; set; } = "MXINTADM";
    public string DefaultSite { get; set; } = "KDFAC";
    public string DefaultOrg { get; set; } = "EAGLENA";

    // Server variations (README, "Server variations"); the defaults are the well-behaved server.
    // fetchmodedelta's maxrowstamp header: the maximum over every matching record, or over the page served.
    public MaxRowstampScope MaxRowstamp { get; set; } = MaxRowstampScope.Set;

    // oslc.orderBy is accepted and ignored: pages come in storage order (a fixed permutation of the records).
    public bool IgnoreOrder { get; set; }

    public UnknownChildPolicy UnknownChild { get; set; } = UnknownChildPolicy.Ignore;

    // A gateway in front of Maximo (an OpenShift route: 30 s) that answers 504 with an HTML page when a
    // page costs more than this to serve. Null: no gateway.
    public TimeSpan? GatewayTimeout { get; set; }

    // What serving one record (root or child row) costs: a page is really delayed by its cost.
    public TimeSpan RecordCost { get; set; } = TimeSpan.Zero;

    // MAS Manage: no password login (maxauth, Basic); login and /oslc without a session redirect to an
    // OIDC login page; only API keys on /api work.
    public bool Mas { get; set; }

    public RowstampFormat RowstampFormat { get; set; } = RowstampFormat.Number;

    // Children an object structure of this server does not have ("MXAPIASSET/failurereport"): a site's
    // own object structures leave out what the standard ones carry. The schema does not list them, a
    // select naming them meets UnknownChild, and no record carries them.
    public IReadOnlyList<string> WithoutChildren { get; set; } = [];

    // stablepaging=1 keeps the matching ids this long after the last page read (mxe.oslc.idleexpiry).
    public TimeSpan StablePagingIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
