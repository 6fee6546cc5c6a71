namespace MaximoOffline.Emulator.Faults;

// One fault as posted to /emulator/faults. Kind: latency | status | drop | truncate | html.
// Without Count or Fraction it applies to every request until cleared; Path limits it to request
// paths containing that text (e.g. "/os/mxapiasset").
internal sealed record FaultSpec(
    string Kind,
    int? Status = null,
    int? RetryAfter = null,
    int? DelayMs = null,
    int? MinDelayMs = null,
    int? MaxDelayMs = null,
    int? Count = null,
    double? Fraction = null,
    string? Path = null,
    int? AfterBytes = null);

internal sealed record ActiveFault(int Id, FaultSpec Spec, int Seen, int Applied);

// What the fault layer does to one request.
internal sealed record FaultPlan(int DelayMs, FaultSpec? Response, FaultSpec? Body)
{
    public static readonly FaultPlan None = new(0, null, null);
}
