using System.Text.Json;
using MaximoOffline.Sync.Client;

namespace MaximoOffline.Sync.Doctor;

/// <summary>
/// The doctor's requests to Maximo, through the one <see cref="MaximoClient"/>: at most
/// <c>Maximo:MaxConcurrentRequests</c> in flight, each counted (retries included), and noted when the
/// server or a gateway asked for fewer (429, 503), which lowers the recommended requests in flight.
/// </summary>
internal sealed class ProbeRequests(MaximoClient client, int maxInFlight) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, maxInFlight));
    private int _requests;
    private int _throttled;

    public int Count => Volatile.Read(ref _requests);

    /// <summary>True when a request met 429 Too Many Requests or 503 Service Unavailable.</summary>
    public bool Throttled => Volatile.Read(ref _throttled) > 0;

    /// <param name="adaptsPageWeight">
    /// A page too heavy for the server (a gateway's 504, a timeout, a refused page size) fails at once
    /// instead of being retried at the same size: the caller tries a smaller page, as the sync does.
    /// </param>
    public Task<MaximoPage> PageAsync(string objectStructure, MaximoQuery query, CancellationToken cancellationToken, bool adaptsPageWeight = false) =>
        SendAsync(() => client.GetPageAsync(objectStructure, query, cancellationToken, Hooks(adaptsPageWeight)), cancellationToken);

    /// <summary>The number of records a query matches (<c>count=1</c>).</summary>
    public Task<long> CountAsync(string objectStructure, MaximoQuery query, CancellationToken cancellationToken) =>
        SendAsync(() => client.CountAsync(objectStructure, query, cancellationToken, Hooks(false)), cancellationToken);

    public Task<JsonDocument> DocumentAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(() => client.GetDocumentAsync(path, cancellationToken, Hooks(false)), cancellationToken);

    public Task<(string? UserId, string? DefaultSite)> WhoAmIAsync(CancellationToken cancellationToken) =>
        SendAsync(() => client.WhoAmIAsync(cancellationToken, Hooks(false)), cancellationToken);

    /// <summary>Counts a request made outside the client (the connection check).</summary>
    public void Counted() => Interlocked.Increment(ref _requests);

    private ReadHooks Hooks(bool adaptsPageWeight) => new(notice =>
    {
        Interlocked.Increment(ref _requests);
        if (MaximoFailures.IsThrottled(notice.Cause))
        {
            Interlocked.Increment(ref _throttled);
        }
    }, adaptsPageWeight);

    private async Task<T> SendAsync<T>(Func<Task<T>> send, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            Interlocked.Increment(ref _requests);
            return await send();
        }
        catch (Exception e) when (MaximoFailures.IsThrottled(e))
        {
            Interlocked.Increment(ref _throttled);
            throw;
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
