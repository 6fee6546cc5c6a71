using MaximoOffline.Emulator.Data;

namespace MaximoOffline.Emulator.Query;

internal sealed record PageResult(IReadOnlyList<PageMember> Members, int? TotalCount, bool HasNext, long? MaxRowstamp);

// Finds a page of a collection without materialising it: filters read single attributes, a range on
// the unique id becomes an index range (ids grow with the index), a rowstamp delta skips the base
// records it cannot match, and only the page's records are built (generated ones while the body is written).
internal static class QueryExecutor
{
    public static PageResult Execute(OsStore store, CollectionQuery query)
    {
        var terms = query.Where.Concat(SavedQueries.Resolve(store.Structure.Name, query.SavedQuery)).ToList();
        var predicates = terms.Select(t => (Accessor: AccessorFor(store, t.Attribute), Predicate: new Predicate(t))).ToArray();
        var keys = query.OrderBy.Select(k => (Accessor: AccessorFor(store, k.Attribute), k.Descending)).ToArray();

        var uniqueId = store.Structure.UniqueId;
        var naturalOrder = keys.Length == 0 || query.OrderBy.Count == 1 && query.OrderBy[0].Attribute == uniqueId;
        var descending = naturalOrder && keys.Length == 1 && keys[0].Descending;
        var (lo, hi) = IdRange(store, terms);
        var needAll = query.CollectionCount || query.CountOnly || query.LastFetchTs is not null;

        var matches = new List<int>();
        var page = new List<int>(Math.Min(query.PageSize, 4096));
        var skip = (long)(query.PageNo - 1) * query.PageSize;
        var count = 0;
        long? maxRowstamp = null;
        foreach (var index in Candidates(store, lo, hi, query.LastFetchTs, descending))
        {
            if (!store.IsLive(index) || !Matches(predicates, index))
            {
                continue;
            }
            if (query.LastFetchTs is { } since)
            {
                var rowstamp = store.Rowstamp(index);
                if (rowstamp <= since)
                {
                    continue;
                }
                maxRowstamp = Math.Max(maxRowstamp ?? 0, rowstamp);
            }
            if (!naturalOrder)
            {
                matches.Add(index);
                continue;
            }
            if (count >= skip && count < skip + query.PageSize)
            {
                page.Add(index);
            }
            count++;
            if (!needAll && count > skip + query.PageSize)
            {
                break;
            }
        }
        if (!naturalOrder)
        {
            count = matches.Count;
            Sort(matches, keys);
            page.AddRange(matches.Skip((int)Math.Min(skip, int.MaxValue)).Take(query.PageSize));
        }
        if (query.CountOnly)
        {
            return new PageResult([], count, false, maxRowstamp);
        }
        var selection = query.Select ?? new Selection();
        var members = page.ConvertAll(i => store.Snapshot(i, selection));
        return new PageResult(members, needAll ? count : null, count > skip + query.PageSize, maxRowstamp);
    }

    private static Func<int, object?> AccessorFor(OsStore store, string attribute) =>
        store.Accessor(attribute) ?? throw new QueryError(400, "BMXAA8744E",
            $"BMXAA8744E - The attribute {attribute.ToUpperInvariant()} does not exist in the object structure {store.Structure.Name}.");

    private static bool Matches((Func<int, object?> Accessor, Predicate Predicate)[] predicates, int index)
    {
        foreach (var (accessor, predicate) in predicates)
        {
            if (!predicate.Matches(accessor(index)))
            {
                return false;
            }
        }
        return true;
    }

    // Terms on the unique id narrow the index range: ids grow strictly with the index.
    private static (int Lo, int Hi) IdRange(OsStore store, IEnumerable<WhereTerm> terms)
    {
        int lo = 0, hi = store.IndexCount;
        foreach (var term in terms)
        {
            if (term.Attribute != store.Structure.UniqueId || term.Op == Op.In || term.Op == Op.Ne ||
                !long.TryParse(term.Values[0].Text, out var id) || term.Values[0].IsStar)
            {
                continue;
            }
            switch (term.Op)
            {
                case Op.Gt: lo = Math.Max(lo, store.LowerBound(id + 1)); break;
                case Op.Ge: lo = Math.Max(lo, store.LowerBound(id)); break;
                case Op.Lt: hi = Math.Min(hi, store.LowerBound(id)); break;
                case Op.Le: hi = Math.Min(hi, store.LowerBound(id + 1)); break;
                case Op.Eq:
                    lo = Math.Max(lo, store.LowerBound(id));
                    hi = Math.Min(hi, store.LowerBound(id + 1));
                    break;
            }
        }
        return (lo, Math.Max(lo, hi));
    }

    // With a rowstamp delta over base rows whose rowstamps grow with the index, the base rows at or
    // below lastfetchts are skipped by index; only rows the overlay stamped can hide among them.
    private static IEnumerable<int> Candidates(OsStore store, int lo, int hi, long? since, bool descending)
    {
        var start = lo;
        List<int>? extras = null;
        if (since is { } ts && store.RowstampsIncreaseWithIndex)
        {
            int a = lo, b = Math.Min(hi, store.Source.Count);
            while (a < b)
            {
                var mid = a + (b - a) / 2;
                if (store.Source.RowstampAt(mid) <= ts)
                {
                    a = mid + 1;
                }
                else
                {
                    b = mid;
                }
            }
            start = a;
            extras = store.OverlaidIndexes.Where(i => i >= lo && i < start && store.Rowstamp(i) > ts).Order().ToList();
        }
        if (descending)
        {
            for (var i = hi - 1; i >= start; i--)
            {
                yield return i;
            }
            for (var i = (extras?.Count ?? 0) - 1; i >= 0; i--)
            {
                yield return extras![i];
            }
            yield break;
        }
        foreach (var extra in extras ?? [])
        {
            yield return extra;
        }
        for (var i = start; i < hi; i++)
        {
            yield return i;
        }
    }

    private static void Sort(List<int> matches, (Func<int, object?> Accessor, bool Descending)[] keys)
    {
        var values = new object?[keys.Length][];
        for (var k = 0; k < keys.Length; k++)
        {
            values[k] = new object?[matches.Count];
            for (var i = 0; i < matches.Count; i++)
            {
                values[k][i] = keys[k].Accessor(matches[i]);
            }
        }
        var order = Enumerable.Range(0, matches.Count).ToArray();
        Array.Sort(order, (x, y) =>
        {
            for (var k = 0; k < keys.Length; k++)
            {
                var c = Values.Compare(values[k][x], values[k][y]);
                if (c != 0)
                {
                    return keys[k].Descending ? -c : c;
                }
            }
            return matches[x].CompareTo(matches[y]);
        });
        var sorted = order.Select(o => matches[o]).ToList();
        matches.Clear();
        matches.AddRange(sorted);
    }
}
