using MaximoOffline.Sync.Client;

namespace MaximoOffline.Sync.Engine;

/// <summary>
/// The page size an endpoint reads with during one run. It starts at <c>Maximo:PageSize:&lt;slug&gt;</c>
/// (else <c>Maximo:PageSize</c>) and halves, for the rest of the run, each time a page proves too heavy
/// for the server or the gateway in front of it (see <see cref="MaximoFailures.IsPageTooHeavy"/>).
/// </summary>
internal sealed class PageWeight(int initial, RunContext run)
{
    /// <summary>Below this a page is so light that a failure is no longer about its weight.</summary>
    public const int Minimum = 10;

    private int _size = Math.Max(1, initial);

    public int Size => Volatile.Read(ref _size);

    /// <summary>
    /// Halves the page size after <paramref name="failure"/> on a page of <paramref name="failedSize"/>
    /// records (several readers may report the same page size at once: it halves once). False when the
    /// pages are already as small as they go, and the failure stands.
    /// </summary>
    public bool Halve(int failedSize, Exception failure)
    {
        while (true)
        {
            var current = Size;
            if (current < failedSize)
            {
                return true; // another reader halved it already; read again at the new size
            }

            if (current <= Minimum)
            {
                return false;
            }

            var next = Math.Max(Minimum, current / 2);
            if (Interlocked.CompareExchange(ref _size, next, current) == current)
            {
                run.Warn($"A page of {current} records was too heavy for Maximo ({Describe(failure)}): reading {next} records a page for the rest of this run.");
                return true;
            }
        }
    }

    private static string Describe(Exception failure) => failure switch
    {
        MaximoApiException api => $"HTTP {(int)api.StatusCode}",
        _ when MaximoFailures.IsPageTooHeavy(failure) => "no answer in time",
        _ => failure.GetType().Name,
    };
}
