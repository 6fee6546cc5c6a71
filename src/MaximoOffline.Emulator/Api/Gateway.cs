using MaximoOffline.Emulator.Data;
using MaximoOffline.Emulator.Generation;
using MaximoOffline.Emulator.Query;
using Microsoft.AspNetCore.Http;

namespace MaximoOffline.Emulator.Api;

// The route in front of Maximo, for --record-cost-ms and --gateway-timeout: a page really takes its
// serving cost (every root record and child row it holds, times the cost of one) before it is sent;
// when that passes the gateway's timeout, the gateway gives up at the timeout and answers 504 with
// its own HTML page, as an OpenShift route does after 30 s. Heavy pages fail, light ones pass.
internal static class Gateway
{
    private const string TimeoutPage =
        "<html><body><h1>504 Gateway Time-out</h1>\nThe server didn't respond in time.\n</body></html>\n";

    // False when the gateway answered instead of Maximo.
    public static async Task<bool> ServeAsync(HttpContext context, EmulatorState state, Variations variations, OsStore store,
        PageResult page, CollectionQuery query)
    {
        if (variations.RecordCost <= TimeSpan.Zero || page.Members.Count == 0)
        {
            return true;
        }
        var cost = TimeSpan.FromTicks(variations.RecordCost.Ticks * RowsOf(store, page, query));
        if (variations.GatewayTimeout is { } limit && cost > limit)
        {
            await Task.Delay(limit, state.Time, context.RequestAborted);
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(TimeoutPage, context.RequestAborted);
            return false;
        }
        await Task.Delay(cost, state.Time, context.RequestAborted);
        return true;
    }

    private static long RowsOf(OsStore store, PageResult page, CollectionQuery query)
    {
        if (query.Select is not { IsEmpty: false } selection)
        {
            return page.Members.Count;
        }
        if (store.Source is GeneratedSource source)
        {
            var writer = new GeneratedWriter(source, selection, query.Style);
            return page.Members.Sum(writer.RowsOf);
        }
        return page.Members.Sum(m => RowsOf(m.Materialized!));
    }

    private static long RowsOf(Rec rec) => 1 + (rec.Children?.Sum(set => set.Rows.Sum(RowsOf)) ?? 0);
}
