namespace MaximoOffline.Emulator.Generation;

// Vocabulary for values that people read: descriptions, names, codes.
internal static class Words
{
    public const string Org = "EAGLENA";
    public const string FirstSite = "KDFAC";
    public const string SecondSite = "LCVIRQ";

    public static readonly string[] Users = ["MAXADMIN", "MXINTADM", "WILSON", "SMITH", "JONES", "GARCIA", "NGUYEN"];
    public static readonly string[] Adjectives = ["Centrifugal", "Rotary", "Main", "Auxiliary", "Backup", "Primary", "Secondary", "North", "South", "Booster", "High Pressure", "Low Pressure"];
    public static readonly string[] Equipment = ["Pump", "Compressor", "Air Handling Unit", "Chiller", "Boiler", "Conveyor", "Generator", "Transformer", "Fan", "Motor", "Valve", "Heat Exchanger", "Cooling Tower", "Forklift", "Elevator", "Fire Panel"];
    public static readonly string[] Areas = ["BLDG", "PUMP", "BOIL", "ELEC", "HVAC", "YARD", "DOCK", "LAB", "SHOP", "ROOF"];
    public static readonly string[] AreaNames = ["Building", "Pump House", "Boiler Room", "Electrical Room", "HVAC Plant", "Yard", "Loading Dock", "Laboratory", "Maintenance Shop", "Roof"];
    public static readonly string[] Companies = ["ACME", "GRAINGER", "SIEMENS", "ABB", "TRANE", "CARRIER", "GOULDS", "FLOWSERVE", "EMERSON", "HONEYWELL"];
    public static readonly string[] FirstNames = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Mei", "Ahmed", "Priya", "Olga", "Kenji"];
    public static readonly string[] LastNames = ["Wilson", "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Nguyen", "Patel", "Kowalski", "Tanaka"];
    public static readonly string[] Crafts = ["ELECT", "MECH", "PIPE", "CARP", "HVAC", "INST"];
    public static readonly string[] Meters = ["RUNHOURS", "TEMP-F", "PRESSURE", "VIBRATION", "ODOMETER", "FLOW"];
    public static readonly string[] SpecAttributes = ["RATEDPOWER", "VOLTAGE", "RPM", "CAPACITY", "WEIGHT", "MATERIAL", "COLOR", "FLOWRATE", "PHASE", "FRAME"];
    public static readonly string[] FailureCodes = ["PUMPS", "HVAC", "ELECTRICAL", "CONVEYOR", "BOILER"];
    public static readonly string[] Problems = ["LEAK", "NOISE", "OVERHEAT", "VIBRATION", "NOSTART", "TRIP"];
    public static readonly string[] Causes = ["WORN", "MISALIGN", "CORROSION", "OVERLOAD", "DIRT"];
    public static readonly string[] Remedies = ["REPLACE", "ADJUST", "CLEAN", "REPAIR", "LUBRICATE"];
    public static readonly string[] Units = ["EACH", "BOX", "FT", "GAL", "LB", "SET"];
    public static readonly string[] ItemNouns = ["Bearing", "Seal Kit", "V-Belt", "Filter", "Gasket", "Fuse", "Contactor", "Impeller", "Coupling", "O-Ring", "Relay", "Lamp"];
    public static readonly string[] DocTypes = ["Attachments", "Diagrams", "Images", "Manuals", "Permits"];
    public static readonly string[] DocFormats = ["application/pdf", "image/jpeg", "image/png", "text/plain"];

    public static string Initial(string s) => s[..1];
}
