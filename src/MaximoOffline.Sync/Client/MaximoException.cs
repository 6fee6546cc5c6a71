using System.Net;

namespace MaximoOffline.Sync.Client;

/// <summary>Something went wrong talking to Maximo; the message says what and what to do.</summary>
public abstract class MaximoException : Exception
{
    protected MaximoException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>True when trying the same request again may succeed (a dropped connection, a cut-off page).</summary>
    public abstract bool IsTransient { get; }
}

/// <summary>Maximo answered with an error status; <see cref="ReasonCode"/> is Maximo's BMXAA code when it gave one.</summary>
public sealed class MaximoApiException : MaximoException
{
    public MaximoApiException(HttpStatusCode status, string? reasonCode, string? maximoMessage, string explanation, TimeSpan? retryAfter = null)
        : base(explanation)
    {
        StatusCode = status;
        ReasonCode = reasonCode;
        MaximoMessage = maximoMessage;
        RetryAfter = retryAfter;
    }

    /// <summary>How long the server (or a gateway) asked to wait before trying again, when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    public HttpStatusCode StatusCode { get; }

    public string? ReasonCode { get; }

    public string? MaximoMessage { get; }

    public override bool IsTransient => (int)StatusCode >= 500 || StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
}

/// <summary>Maximo could not be reached, did not answer in time, or dropped the connection.</summary>
public sealed class MaximoUnreachableException(string message, bool transient, Exception? inner = null) : MaximoException(message, inner)
{
    public override bool IsTransient { get; } = transient;
}

/// <summary>Maximo (or something in front of it) answered with something that is not the JSON expected.</summary>
public sealed class MaximoResponseException(string message, bool transient, Exception? inner = null) : MaximoException(message, inner)
{
    public override bool IsTransient { get; } = transient;
}
