using System.Text.Json;
using System.Text.Json.Serialization;

namespace MaximoOffline.Sync.Doctor;

/// <summary>
/// What <c>maximo-offline doctor</c> and <c>GET /api/doctor</c> found out about the configured Maximo
/// before a first sync: one type, serialised the same way for the command line's <c>--json</c> and the
/// API (<see cref="Json"/>). It holds no secret: the API key and the password are never put in it.
/// </summary>
public sealed record DoctorReport(
    string Maximo,
    DateTimeOffset CheckedAt,
    double Seconds,
    int Requests,
    Verdict Verdict,
    ConnectionFinding Connection,
    AuthFinding Auth,
    UserFinding? User,
    SiteFinding Site,
    ServerFinding Server,
    IReadOnlyList<EndpointFinding> Endpoints,
    Recommendations Recommendations)
{
    /// <summary>camelCase, enums as camelCase text, indented: how the command line writes the report (the API writes the same shape).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // read by people and scripts, never put in a page as is
    };
}

/// <param name="Ok">True when a sync would work.</param>
/// <param name="Reasons">Why a sync would not work (empty when it would).</param>
/// <param name="Warnings">What the server does differently and how the sync adapts to it; none of them stops a sync.</param>
public sealed record Verdict(bool Ok, IReadOnlyList<string> Reasons, IReadOnlyList<string> Warnings);

/// <param name="Milliseconds">Time to the first answer of a request without credentials (any HTTP answer counts).</param>
/// <param name="Status">The HTTP status of that answer.</param>
public sealed record ConnectionFinding(bool Reachable, double? Milliseconds, int? Status, bool Encrypted, TlsFinding? Tls, string? Error);

/// <param name="Protocol">The TLS version negotiated, when the handshake completed.</param>
/// <param name="Validates">Whether the certificate is trusted for the host by this machine.</param>
/// <param name="Problem">Why it does not validate, or why the handshake failed.</param>
public sealed record TlsFinding(string? Protocol, string? Subject, string? Issuer, DateTimeOffset? Expires, bool Validates, string? Problem);

/// <param name="Mode">The configured <c>Maximo:AuthMode</c>.</param>
/// <param name="ReasonCode">Maximo's BMXAA code when it refused.</param>
public sealed record AuthFinding(string Mode, bool Works, string? ReasonCode, string Detail);

public sealed record UserFinding(string? UserId, string? DefaultSite);

/// <param name="Id">The site site-filtered endpoints are checked for; null when none could be found.</param>
/// <param name="Source">Where it came from: <c>--site</c>, <c>Maximo:DefaultSite</c>, or the user's default site.</param>
public sealed record SiteFinding(string? Id, string Source);

/// <summary>What holds for the whole server rather than one object structure.</summary>
/// <param name="LargestPageSize">The largest <c>oslc.pageSize</c> tried that the server accepted (<c>mxe.oslc.maxpagesize</c> is a server setting).</param>
/// <param name="RefusedPageSize">The smallest size tried that it refused, if any.</param>
/// <param name="UnknownChild">What it does with a select naming a child the object structure lacks.</param>
/// <param name="ProbedOn">The object structure these were asked of.</param>
public sealed record ServerFinding(int? LargestPageSize, int? RefusedPageSize, UnknownChildHandling UnknownChild, string? ProbedOn, string? Detail);

[JsonConverter(typeof(CamelCaseEnum<UnknownChildHandling>))]
public enum UnknownChildHandling
{
    Unknown,
    Ignored,
    Refused,
}

/// <summary>One object structure, as the sync of its endpoint would read it.</summary>
/// <param name="Where">The endpoint's filter for the site (its scope).</param>
/// <param name="Count">Records in scope (<c>count=1</c>); null when Maximo did not answer it.</param>
/// <param name="RecommendedPageSize">The page size to start with (see <see cref="Recommendations"/>).</param>
/// <param name="Error">The failure that stopped this object structure's checks, if any.</param>
public sealed record EndpointFinding(
    string Slug,
    string ObjectStructure,
    string Cursor,
    string? Where,
    long? Count,
    ChildrenFinding? Children,
    PageFinding? Page,
    OrderFinding? Order,
    RowstampFinding? MaxRowstamp,
    DeltaFinding? Delta,
    int RecommendedPageSize,
    string? Error);

/// <param name="Server">The children <c>jsonschemas/{os}</c> lists, by path (<c>maxuser/groupuser</c>).</param>
/// <param name="Selected">The children a sync asks for.</param>
/// <param name="Missing">Children the replica's catalog has that the server lacks (not asked for).</param>
/// <param name="NotSelected">Children the server has that a sync does not read.</param>
/// <param name="SelectSource">Where the select comes from: the catalog checked against the schema, or <c>Sync:Select:&lt;slug&gt;</c>.</param>
public sealed record ChildrenFinding(
    IReadOnlyList<string> Server, IReadOnlyList<string> Selected, IReadOnlyList<string> Missing, IReadOnlyList<string> NotSelected,
    string SelectSource, string? Error);

/// <param name="PageSize">The configured page size the first attempt asked for.</param>
/// <param name="WorkedAt">The page size that was answered (lower than <paramref name="PageSize"/> when pages were too heavy); null when none was.</param>
/// <param name="Bytes">The answered page's JSON, in bytes.</param>
public sealed record PageFinding(int PageSize, int? WorkedAt, int Records, double? Milliseconds, long? Bytes, IReadOnlyList<PageAttempt> Attempts, string? Error);

/// <param name="Outcome"><c>ok</c>, or why the page was not answered (<c>HTTP 504</c>, <c>page size refused</c>, <c>no answer in time</c>).</param>
public sealed record PageAttempt(int PageSize, double Milliseconds, string Outcome);

public sealed record OrderFinding(OrderHandling Outcome, string Detail);

[JsonConverter(typeof(CamelCaseEnum<OrderHandling>))]
public enum OrderHandling
{
    Unknown,
    Honoured,
    Ignored,
    NotEnoughRecords,
}

/// <param name="Covers">What the <c>maxrowstamp</c> header of a <c>fetchmodedelta</c> answer covers.</param>
/// <param name="Format">How <c>_rowstamp</c> values are written.</param>
public sealed record RowstampFinding(RowstampCoverage Covers, RowstampFormat Format, string Detail);

[JsonConverter(typeof(CamelCaseEnum<RowstampCoverage>))]
public enum RowstampCoverage
{
    Unknown,

    /// <summary>The maximum over the whole delta.</summary>
    Set,

    /// <summary>The maximum over the page served only.</summary>
    Page,

    /// <summary>The answer carried no header.</summary>
    NoHeader,
}

[JsonConverter(typeof(CamelCaseEnum<RowstampFormat>))]
public enum RowstampFormat
{
    Unknown,

    /// <summary><c>"752083881"</c></summary>
    Decimal,

    /// <summary><c>"[0 0 0 0 0 26 -12 20]"</c></summary>
    Bytes,
}

/// <param name="Works">Whether the query an incremental sync of this endpoint makes was answered; null when not asked.</param>
public sealed record DeltaFinding(bool? Works, string Detail);

/// <param name="PageSizes">Per endpoint, the page size to start with.</param>
/// <param name="MaxConcurrentRequests">Requests in flight: the configured number, lowered when the server throttled a probe.</param>
/// <param name="Settings">The settings that differ from the configured ones, as environment variables.</param>
public sealed record Recommendations(IReadOnlyDictionary<string, int> PageSizes, int MaxConcurrentRequests, IReadOnlyList<string> Settings);

/// <summary>Enum values written as camelCase text in the report's JSON, whatever serializer options the host has.</summary>
public sealed class CamelCaseEnum<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase) where T : struct, Enum;
