using System.Globalization;
using System.Text.Json.Nodes;

namespace MaximoOffline.Emulator.Tests.Support;

internal static class Records
{
    public static string? Text(this JsonObject record, string name) => record[name]?.GetValue<string>();

    public static long Long(this JsonObject record, string name) => record[name]!.GetValue<long>();

    public static double? Number(this JsonObject record, string name) => record[name]?.GetValue<double>();

    public static DateTimeOffset Date(this JsonObject record, string name) =>
        DateTimeOffset.Parse(record.Text(name)!, CultureInfo.InvariantCulture);

    public static JsonArray Children(this JsonObject record, string name) => record[name]?.AsArray() ?? [];
}
