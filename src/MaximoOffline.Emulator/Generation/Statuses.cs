namespace MaximoOffline.Emulator.Generation;

// Synonym domains the generated records use, shared with the MXAPIDOMAIN data so that a status on a
// record is always a value its domain holds.
internal static class Statuses
{
    public static readonly (string Value, string Description)[] Asset =
        [("OPERATING", "Operating"), ("NOT READY", "Not Ready"), ("ACTIVE", "Active"), ("DECOMMISSIONED", "Decommissioned"), ("BROKEN", "Broken")];

    public static readonly (string Value, string Description)[] WorkOrder =
        [("WAPPR", "Waiting on Approval"), ("APPR", "Approved"), ("INPRG", "In Progress"), ("ASSIGN", "Assigned"), ("WMATL", "Waiting on Material"),
         ("WSCH", "Waiting to be Scheduled"), ("COMP", "Completed"), ("CLOSE", "Closed"), ("CAN", "Canceled"), ("HISTEDIT", "Edited in History")];

    public static readonly (string Value, string Description)[] Item =
        [("ACTIVE", "Active"), ("PENDOBS", "Pending Obsolescence"), ("PLANNING", "Planning"), ("OBSOLETE", "Obsolete")];

    public static readonly (string Value, string Description)[] Person = [("ACTIVE", "Active"), ("INACTIVE", "Inactive")];

    public static readonly (string Value, string Description)[] User =
        [("ACTIVE", "Active"), ("INACTIVE", "Inactive"), ("BLOCKED", "Blocked"), ("DELETED", "Deleted"), ("NEWREG", "New Registration")];

    public static readonly (string Value, string Description)[] LocationType =
        [("OPERATING", "Operating"), ("STOREROOM", "Storeroom"), ("REPAIR", "Repair Facility"), ("COURIER", "Courier"), ("LABOR", "Labor"),
         ("VENDOR", "Vendor"), ("SALVAGE", "Salvage"), ("HOLDING", "Holding")];

    public static readonly (string Value, string Description)[] WoClass =
        [("WORKORDER", "Work Order"), ("ACTIVITY", "Activity"), ("CHANGE", "Change"), ("RELEASE", "Release")];

    public static readonly (string Value, string Description)[] DomainType =
        [("ALN", "Alphanumeric"), ("NUMERIC", "Numeric"), ("SYNONYM", "Synonym"), ("TABLE", "Table"), ("CROSSOVER", "Crossover"), ("NUMRANGE", "Numeric Range")];

    public static Func<string, string> Describer((string Value, string Description)[] domain)
    {
        var map = domain.ToDictionary(d => d.Value, d => d.Description, StringComparer.Ordinal);
        return value => map.GetValueOrDefault(value, value);
    }

    // Picks a value with the given weights (percent, summing to 100).
    public static string Weighted(in Row r, ulong key, (string Value, string Description)[] domain, int[] weights)
    {
        var roll = (int)(r.H(key) % 100);
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return domain[i].Value;
            }
        }
        return domain[0].Value;
    }
}
