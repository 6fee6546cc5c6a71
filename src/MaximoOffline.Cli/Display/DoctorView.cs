using System.Globalization;
using MaximoOffline.Sync.Doctor;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MaximoOffline.Cli.Display;

/// <summary>
/// The doctor's report on a terminal: the connection, one row per object structure, the recommended
/// settings, then the verdict with its reasons and warnings. The web page shows the same table
/// (wwwroot/js/sync/doctor.js) from the same report.
/// </summary>
internal static class DoctorView
{
    public static IRenderable Render(DoctorReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new Rows(
            new Markup($"[bold]Maximo[/] {Markup.Escape(report.Maximo)}  [grey]checked {Format.When(report.CheckedAt.UtcDateTime)} " +
                       $"in {report.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} s, {report.Requests} requests[/]"),
            Connection(report),
            Endpoints(report),
            Recommendations(report),
            Verdict(report.Verdict));
    }

    private static Table Connection(DoctorReport report)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Connection").HideHeaders().AddColumn("Check").AddColumn("Result");
        void Row(string check, string markup) => table.AddRow(new Markup($"[bold]{check}[/]"), new Markup(markup));

        var c = report.Connection;
        Row("Reachable", c.Reachable
            ? $"[green]yes[/], first answer in {Ms(c.Milliseconds)} (HTTP {c.Status} without credentials)"
            : $"[red]no[/]: {Markup.Escape(c.Error ?? "")}");
        Row("Encryption", c.Tls is { } tls
            ? tls.Validates
                ? $"[green]{Markup.Escape(tls.Protocol ?? "TLS")}[/], certificate {Markup.Escape(tls.Subject ?? "")} until {tls.Expires:yyyy-MM-dd}, issued by {Markup.Escape(tls.Issuer ?? "")}"
                : $"[red]the certificate does not validate[/]: {Markup.Escape(tls.Problem ?? "")} ({Markup.Escape(tls.Subject ?? "no certificate")})"
            : "[yellow]none[/] (http: not encrypted)");
        var auth = report.Auth;
        Row("Authentication", $"{(auth.Works ? "[green]works[/]" : "[red]fails[/]")} ({auth.Mode}{(auth.ReasonCode is null ? "" : $", {auth.ReasonCode}")}): {Markup.Escape(auth.Detail)}");
        Row("User", report.User is { } user ? $"{Markup.Escape(user.UserId ?? "?")}, default site {Markup.Escape(user.DefaultSite ?? "none")}" : "[grey]unknown[/]");
        Row("Site", report.Site.Id is { } site ? $"{site} [grey]({Markup.Escape(report.Site.Source)})[/]" : $"[red]none[/] [grey]({Markup.Escape(report.Site.Source)})[/]");
        var server = report.Server;
        Row("Largest page size", server.LargestPageSize is { } largest
            ? $"{largest}{(server.RefusedPageSize is { } refused ? $" [grey]({refused} refused)[/]" : "")}"
            : "[grey]unknown[/]");
        Row("Unknown child", server.UnknownChild switch
        {
            UnknownChildHandling.Refused => "a select naming a child this server lacks is [yellow]refused[/]",
            UnknownChildHandling.Ignored => "a select naming a child this server lacks is ignored",
            _ => "[grey]unknown[/]",
        });
        return table;
    }

    private static IRenderable Endpoints(DoctorReport report)
    {
        if (report.Endpoints.All(e => e.Count is null) && report.Endpoints.Select(e => e.Error).Distinct().Count() == 1)
        {
            return new Markup($"[bold]Object structures[/]: [grey]{Markup.Escape(report.Endpoints[0].Error ?? "")}[/]");
        }

        var table = new Table().Border(TableBorder.Rounded).Title("Object structures")
            .AddColumn("Endpoint").AddColumn("Object structure").AddColumn(new TableColumn("In scope").RightAligned()).AddColumn("Children read")
            .AddColumn("Page (size: time, bytes)").AddColumn("Order").AddColumn("maxrowstamp").AddColumn("Rowstamps").AddColumn("Delta")
            .AddColumn(new TableColumn("Page size").RightAligned());
        foreach (var e in report.Endpoints)
        {
            table.AddRow(
                new Markup($"[bold]{e.Slug}[/]"),
                new Markup($"[grey]{e.ObjectStructure}[/]"),
                new Markup(e.Count is { } count ? Format.Count(count) : "[red]—[/]"),
                new Markup(Children(e.Children)),
                new Markup(Page(e.Page)),
                new Markup(e.Order is { } order ? Order(order.Outcome) : ""),
                new Markup(e.MaxRowstamp is { } rowstamp ? Coverage(rowstamp.Covers) : ""),
                new Markup(e.MaxRowstamp is { } format ? RowstampText(format.Format) : ""),
                new Markup(e.Delta is { Works: { } works } ? works ? "[green]works[/]" : "[red]refused[/]" : ""),
                new Markup(e.RecommendedPageSize.ToString(CultureInfo.InvariantCulture)));
            if (e.Error is { } error)
            {
                table.AddRow(new Text(""), new Markup($"[red]{Markup.Escape(error)}[/]"));
            }
        }

        return table;
    }

    private static string Children(ChildrenFinding? children) => children switch
    {
        null => "",
        { Missing.Count: > 0 } => $"{children.Selected.Count} of {children.Server.Count}, [yellow]{children.Missing.Count} missing[/]",
        { Error: not null } => $"[yellow]{children.Selected.Count}, schema unread[/]",
        _ => $"{children.Selected.Count} of {children.Server.Count}",
    };

    private static string Page(PageFinding? page) => page switch
    {
        null => "",
        { WorkedAt: null } => "[red]failed[/]",
        { WorkedAt: { } worked } when worked != page.PageSize =>
            $"[yellow]{page.PageSize}→{worked}[/]: {Ms(page.Milliseconds)}, {Bytes(page.Bytes)}",
        _ => $"{page.WorkedAt}: {Ms(page.Milliseconds)}, {Bytes(page.Bytes)}",
    };

    private static string Order(OrderHandling order) => order switch
    {
        OrderHandling.Honoured => "[green]honoured[/]",
        OrderHandling.Ignored => "[yellow]ignored[/]",
        OrderHandling.NotEnoughRecords => "[grey]too few records[/]",
        _ => "[grey]unknown[/]",
    };

    private static string Coverage(RowstampCoverage coverage) => coverage switch
    {
        RowstampCoverage.Set => "[green]whole delta[/]",
        RowstampCoverage.Page => "[yellow]page served[/]",
        RowstampCoverage.NoHeader => "[yellow]no header[/]",
        _ => "[grey]unknown[/]",
    };

    private static string RowstampText(RowstampFormat format) => format switch
    {
        RowstampFormat.Decimal => "decimal",
        RowstampFormat.Bytes => "[yellow]bytes[/]",
        _ => "[grey]unknown[/]",
    };

    private static IRenderable Recommendations(DoctorReport report)
    {
        var r = report.Recommendations;
        if (report.Endpoints.All(e => e.Count is null))
        {
            return new Text("");
        }

        var configured = report.Endpoints.ToDictionary(e => e.Slug, e => e.Page?.PageSize ?? e.RecommendedPageSize);
        if (r.Settings.Count == 0)
        {
            var sizes = string.Join(", ", configured.Values.Distinct());
            return new Markup($"[bold]Recommended settings[/]: the configured ones suit this server (page size {sizes}, {r.MaxConcurrentRequests} requests in flight).");
        }

        var table = new Table().Border(TableBorder.Rounded).Title("Recommended settings")
            .AddColumn("Setting").AddColumn(new TableColumn("Configured").RightAligned()).AddColumn(new TableColumn("Recommended").RightAligned());
        foreach (var (slug, size) in r.PageSizes)
        {
            var was = configured[slug];
            table.AddRow(new Text($"Maximo:PageSize:{slug}"), new Text(was.ToString(CultureInfo.InvariantCulture)),
                new Markup(size == was ? size.ToString(CultureInfo.InvariantCulture) : $"[yellow]{size}[/]"));
        }

        var inFlight = r.Settings.Any(x => x.StartsWith("Maximo__MaxConcurrentRequests=", StringComparison.Ordinal));
        table.AddRow(new Text("Maximo:MaxConcurrentRequests"), new Text(inFlight ? "" : r.MaxConcurrentRequests.ToString(CultureInfo.InvariantCulture)),
            new Markup(inFlight ? $"[yellow]{r.MaxConcurrentRequests}[/]" : r.MaxConcurrentRequests.ToString(CultureInfo.InvariantCulture)));
        return new Rows(table, new Text("To apply, set:"), new Text("  " + string.Join("\n  ", r.Settings)));
    }

    private static Rows Verdict(Verdict verdict)
    {
        var lines = new List<IRenderable>
        {
            new Markup(verdict.Ok ? "[green bold]A sync would work.[/]" : "[red bold]A sync would not work:[/]"),
        };
        if (verdict.Reasons.Count > 0)
        {
            lines.Add(Bullets(verdict.Reasons, "red"));
        }

        if (verdict.Warnings.Count > 0)
        {
            lines.Add(new Markup("[yellow]Warnings[/] [grey](the sync adapts; nothing to do unless said)[/]:"));
            lines.Add(Bullets(verdict.Warnings, "yellow"));
        }

        return new Rows(lines);
    }

    // A grid, so that a long line wraps under its own text rather than under the bullet.
    private static Grid Bullets(IEnumerable<string> items, string colour)
    {
        var grid = new Grid().AddColumn(new GridColumn().PadLeft(2).PadRight(1).NoWrap()).AddColumn();
        foreach (var item in items)
        {
            grid.AddRow(new Markup($"[{colour}]•[/]"), new Text(item));
        }

        return grid;
    }

    private static string Ms(double? milliseconds) => milliseconds is { } ms ? ms.ToString("N0", CultureInfo.InvariantCulture) + " ms" : "";

    private static string Bytes(long? bytes) => bytes switch
    {
        null => "",
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{(bytes / 1024.0).Value.ToString("0.#", CultureInfo.InvariantCulture)} KB",
        _ => $"{(bytes / (1024.0 * 1024)).Value.ToString("0.#", CultureInfo.InvariantCulture)} MB",
    };
}
