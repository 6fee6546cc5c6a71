using MaximoOffline.Sync.Settings;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MaximoOffline.Sync.Client;

/// <summary>
/// The one retry layer for Maximo requests. A request and the reading of its body are tried again
/// together when either fails in a way that may pass: 5xx, 408 and 429 (honouring <c>Retry-After</c>),
/// a timeout, a refused or dropped connection, a body cut off. <c>Maximo:MaxRetries</c> times, with
/// jittered exponential backoff; each attempt, body included, gets <c>Maximo:TimeoutSeconds</c>.
/// 400, 401, 403 and 404 are never retried (the auth handler renews an expired session itself).
/// </summary>
internal static class MaximoRetries
{
    /// <summary>What the caller of a request asked for (see <see cref="ReadHooks"/>), carried with it.</summary>
    public static readonly ResiliencePropertyKey<ReadHooks?> Hooks = new("maximo.read-hooks");

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(15);

    /// <summary>A gateway's <c>Retry-After</c> is honoured up to this long; a longer one would stall a sync for no one.</summary>
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(1);

    public static ResiliencePipeline Build(MaximoOptions options, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = FirstDelay,
                MaxDelay = MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && ShouldRetry(e, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Exception is MaximoApiException { RetryAfter: { } after }
                    ? (TimeSpan?)(after < MaxRetryAfter ? after : MaxRetryAfter)
                    : null),
                OnRetry = args =>
                {
                    var what = args.Outcome.Exception is TimeoutRejectedException
                        ? $"Maximo did not answer within {options.TimeoutSeconds} s."
                        : args.Outcome.Exception?.Message;
                    var message = $"{what} Reading the page again in {args.RetryDelay.TotalSeconds:N1} s (attempt {args.AttemptNumber + 2} of {options.MaxRetries + 1}).";
                    logger.LogWarning("{Message}", message);
                    if (args.Context.Properties.TryGetValue(Hooks, out var hooks))
                    {
                        hooks?.Retrying?.Invoke(new RetryNotice(args.Outcome.Exception!, message));
                    }

                    return default;
                },
            });
        }

        return builder.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds)).Build();
    }

    private static bool ShouldRetry(Exception e, ResilienceContext context)
    {
        if (context.Properties.TryGetValue(Hooks, out var hooks) && hooks is { AdaptsPageWeight: true } && MaximoFailures.IsPageTooHeavy(e))
        {
            return false; // the caller answers a heavy page by asking for smaller ones, not by asking again
        }

        return e is MaximoException { IsTransient: true } or TimeoutRejectedException;
    }
}

/// <summary>What the caller of a page request wants beyond the page.</summary>
/// <param name="Retrying">Told each time the request is tried again, with why.</param>
/// <param name="AdaptsPageWeight">
/// The caller halves its page size when a page is too heavy (a gateway timeout, a timeout, a refused
/// page size): such failures come back at once instead of being retried at the same size.
/// </param>
public sealed record ReadHooks(Action<RetryNotice>? Retrying = null, bool AdaptsPageWeight = false);

/// <summary>A request about to be tried again: the failure, and a line that says so.</summary>
public sealed record RetryNotice(Exception Cause, string Message);
