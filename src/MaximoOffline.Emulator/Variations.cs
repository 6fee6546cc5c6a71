namespace MaximoOffline.Emulator;

// The ways real servers differ from each other and from IBM's guide, as one immutable value: set at
// start-up from EmulatorOptions, replaced at run time through POST /emulator/variations, restored by
// POST /emulator/reset. Requests read it once, so a change never applies to half a request.
internal sealed record Variations(
    MaxRowstampScope MaxRowstamp,
    bool IgnoreOrder,
    UnknownChildPolicy UnknownChild,
    int MaxPageSize,
    TimeSpan? GatewayTimeout,
    TimeSpan RecordCost,
    bool Mas,
    RowstampFormat RowstampFormat)
{
    public static Variations From(EmulatorOptions options) => new(
        options.MaxRowstamp,
        options.IgnoreOrder,
        options.UnknownChild,
        options.MaxPageSize,
        options.GatewayTimeout is { } timeout && timeout > TimeSpan.Zero ? timeout : null,
        options.RecordCost,
        options.Mas,
        options.RowstampFormat);
}
