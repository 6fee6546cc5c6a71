namespace MaximoOffline.Emulator.Faults;

// One fault as posted to /emulator/faults. Kind: latency | status | drop | truncate | html | hold.
// Without Count or Fraction it applies to every request until cleared; Path limits it to request
// paths containing that text (e.g. "/os/mxapiasset"), Query to requests whose decoded query string
// contains it (e.g. "oslc.select=*"). A hold keeps each request it hits waiting until the fault is
// released (POST /emulator/faults/{id}/release): a test's gate, opened when the test is ready.
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
    int? AfterBytes = null,
    string? Query = null);

internal sealed record ActiveFault(int Id, FaultSpec Spec, int Seen, int Applied, int Held);

// What the fault layer does to one request. Hold, when set, is awaited before anything else.
internal sealed record FaultPlan(int DelayMs, FaultSpec? Response, FaultSpec? Body, Task? Hold = null)
{
    public static readonly FaultPlan None = new(0, null, null);
}
