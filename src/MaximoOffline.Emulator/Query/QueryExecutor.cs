using MaximoOffline.Emulator.Data;

namespace MaximoOffline.Emulator.Query;

// StableId: the stable-paging set nextPage continues (stablepaging=1).
internal sealed record PageResult(IReadOnlyList<PageMember> Members, int? TotalCount, bool HasNext, long? MaxRowstamp, string? StableId = null);

// Finds a page of a collection without materialising it: filters read single attributes, a range on
// the unique id becomes an index range (ids grow with the index), a rowstamp delta skips the base
// records it cannot match, and only the page's records are built (generated ones while the body is written).
internal static class QueryExecutor
{
    public static PageResult Execute(OsStore store, CollectionQuery query, Variations variations)
    {
        var scan = new Scan(store, query, variations);
        var needAll = query.CollectionCount || query.CountOnly || query.LastFetchTs is not null;
        var page = new List<int>(Math.Min(query.PageSize, 4096));
        var skip = (long)(query.PageNo - 1) * query.PageSize;
        var count = 0;
        if (scan.Sorted)
        {
            var matches = scan.Matching().ToList();
            count = matches.Count;
            scan.Sort(matches);
            page.AddRange(matches.Skip((int)Math.Min(skip, int.MaxValue)).Take(query.PageSize));
        }
        else
        {
            foreach (var index in scan.Matching())
            {
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
        }
        var maxRowstamp = MaxRowstamp(store, query, variations, scan, page);
        if (query.CountOnly)
        {
            return new PageResult([], count, false, maxRowstamp);
        }
        var selection = query.Select ?? new Selection();
        var members = page.ConvertAll(i => store.Snapshot(i, selection));
        return new PageResult(members, needAll ? count : null, count > skip + query.PageSize, maxRowstamp);
    }

    // Every matching index, in the order pages serve them: what stable paging keeps.
    public static (int[] Indexes, long? MaxRowstamp) Match(OsStore store, CollectionQuery query, Variations variations)
    {
        var scan = new Scan(store, query, variations);
        var matches = scan.Matching().ToList();
        if (scan.Sorted)
        {
            scan.Sort(matches);
        }
        return ([.. matches], scan.MaxRowstamp);
    }

    // fetchmodedelta's header: over every match (set) or over the page served (page); absent when
    // the answer holds nothing.
    public static long? MaxRowstamp(OsStore store, CollectionQuery query, Variations variations, IReadOnlyList<int> page, long? overSet)
    {
        if (query.LastFetchTs is null)
        {
            return null;
        }
        if (variations.MaxRowstamp == MaxRowstampScope.Set)
        {
            return overSet;
        }
        return page.Count == 0 ? null : page.Max(store.Rowstamp);
    }

    private static long? MaxRowstamp(OsStore store, CollectionQuery query, Variations variations, Scan scan, List<int> page) =>
        MaxRowstamp(store, query, variations, page, scan.MaxRowstamp);

    // One query prepared against one store: its filters, its order, and the candidates it reads.
    private sealed class Scan
    {
        private readonly OsStore _store;
        private readonly CollectionQuery _query;
        private readonly (Func<int, object?> Accessor, Predicate Predicate)[] _predicates;
        private readonly (Func<int, object?> Accessor, bool Descending)[] _keys;
        private readonly bool _ignoreOrder;
        private readonly bool _descending;
        private readonly int _lo;
        private readonly int _hi;

        public Scan(OsStore store, CollectionQuery query, Variations variations)
        {
            _store = store;
            _query = query;
            var terms = query.Where.Concat(SavedQueries.Resolve(store.Structure.Name, query.SavedQuery)).ToList();
            _predicates = [.. terms.Select(t => (AccessorFor(store, t.Attribute), new Predicate(t)))];
            // An ignored order is still checked: a server that ignores it accepts only what it would accept.
            _keys = [.. query.OrderBy.Select(k => (AccessorFor(store, k.Attribute), k.Descending))];
            _ignoreOrder = variations.IgnoreOrder;
            var uniqueId = store.Structure.UniqueId;
            var byUniqueId = _keys.Length == 0 || query.OrderBy.Count == 1 && query.OrderBy[0].Attribute == uniqueId;
            Sorted = !_ignoreOrder && !byUniqueId;
            _descending = !_ignoreOrder && byUniqueId && _keys.Length == 1 && _keys[0].Descending;
            (_lo, _hi) = IdRange(store, terms);
        }

        // Whether the matches must be collected and sorted (any order but the unique id's).
        public bool Sorted { get; }

        public long? MaxRowstamp { get; private set; }

        public IEnumerable<int> Matching()
        {
            foreach (var index in Candidates())
            {
                if (!_store.IsLive(index) || !Matches(index))
                {
                    continue;
                }
                if (_query.LastFetchTs is { } since)
                {
                    var rowstamp = _store.Rowstamp(index);
                    if (rowstamp <= since)
                    {
                        continue;
                    }
                    MaxRowstamp = Math.Max(MaxRowstamp ?? 0, rowstamp);
                }
                yield return index;
            }
        }

        private bool Matches(int index)
        {
            foreach (var (accessor, predicate) in _predicates)
            {
                if (!predicate.Matches(accessor(index)))
                {
                    return false;
                }
            }
            return true;
        }

        // With a rowstamp delta over base rows whose rowstamps grow with the index, the base rows at or
        // below lastfetchts are skipped by index; only rows the overlay stamped can hide among them.
        private IEnumerable<int> Candidates()
        {
            var start = _lo;
            List<int> extras = [];
            if (_query.LastFetchTs is { } ts && _store.RowstampsIncreaseWithIndex)
            {
                int a = _lo, b = Math.Min(_hi, _store.Source.Count);
                while (a < b)
                {
                    var mid = a + (b - a) / 2;
                    if (_store.Source.RowstampAt(mid) <= ts)
                    {
                        a = mid + 1;
                    }
                    else
                    {
                        b = mid;
                    }
                }
                start = a;
                extras = [.. _store.OverlaidIndexes.Where(i => i >= _lo && i < start && _store.Rowstamp(i) > ts).Order()];
            }
            if (_ignoreOrder)
            {
                return InStorageOrder(start, extras);
            }
            return _descending ? Descending(start, extras) : Ascending(start, extras);
        }

        private IEnumerable<int> Ascending(int start, List<int> extras)
        {
            foreach (var extra in extras)
            {
                yield return extra;
            }
            for (var i = start; i < _hi; i++)
            {
                yield return i;
            }
        }

        private IEnumerable<int> Descending(int start, List<int> extras)
        {
            for (var i = _hi - 1; i >= start; i--)
            {
                yield return i;
            }
            for (var i = extras.Count - 1; i >= 0; i--)
            {
                yield return extras[i];
            }
        }

        // Storage order over [start, hi) and the stamped rows below start: the blocks that hold such
        // rows first (only they are visited), then every block from start's on.
        private IEnumerable<int> InStorageOrder(int start, List<int> extras)
        {
            var count = _store.IndexCount;
            var firstBlock = start / StorageOrder.Block * StorageOrder.Block;
            var set = extras.ToHashSet();
            foreach (var block in extras.Select(i => i / StorageOrder.Block * StorageOrder.Block).Where(b => b < firstBlock).Distinct())
            {
                foreach (var index in StorageOrder.Between(Math.Max(_lo, block), Math.Min(_hi, block + StorageOrder.Block), count, set.Contains))
                {
                    yield return index;
                }
            }
            foreach (var index in StorageOrder.Between(Math.Max(_lo, firstBlock), _hi, count, i => i >= start || set.Contains(i)))
            {
                yield return index;
            }
        }

        public void Sort(List<int> matches)
        {
            var values = new object?[_keys.Length][];
            for (var k = 0; k < _keys.Length; k++)
            {
                values[k] = new object?[matches.Count];
                for (var i = 0; i < matches.Count; i++)
                {
                    values[k][i] = _keys[k].Accessor(matches[i]);
                }
            }
            var order = Enumerable.Range(0, matches.Count).ToArray();
            Array.Sort(order, (x, y) =>
            {
                for (var k = 0; k < _keys.Length; k++)
                {
                    var c = Values.Compare(values[k][x], values[k][y]);
                    if (c != 0)
                    {
                        return _keys[k].Descending ? -c : c;
                    }
                }
                return matches[x].CompareTo(matches[y]);
            });
            var sorted = order.Select(o => matches[o]).ToList();
            matches.Clear();
            matches.AddRange(sorted);
        }
    }

    private static Func<int, object?> AccessorFor(OsStore store, string attribute) =>
        store.Accessor(attribute) ?? throw new QueryError(400, "BMXAA8744E",
            $"BMXAA8744E - The attribute {attribute.ToUpperInvariant()} does not exist in the object structure {store.Structure.Name}.");

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
}
