using System.Text;
using MaximoOffline.Data.Workspace;

namespace MaximoOffline.Data.Tests;

/// <summary>Keyset paging: page after page gives every row the filters let through exactly once, in the list's order.</summary>
public sealed class ListPagingTests(WorkspaceRows rows) : IClassFixture<WorkspaceRows>
{
    private WorkspaceLists Lists => new(rows.Replica.Database);

    public static TheoryData<string, string, string?, bool> EveryList()
    {
        var lists = new TheoryData<string, string, string?, bool>();
        foreach (var kind in WorkspaceKinds.All)
        foreach (var sort in kind.Sorts.SelectMany(s => new[] { s, "-" + s }))
        foreach (var site in kind.SiteScoped ? new[] { null, "S2" } : [null])
        foreach (var deleted in new[] { false, true })
        {
            lists.Add(kind.Slug, sort, site, deleted);
        }

        return lists;
    }

    [Theory]
    [MemberData(nameof(EveryList))]
    public void PagingThroughAListGivesEachRowOnceInItsOrder(string slug, string sort, string? site, bool deleted)
    {
        var kind = WorkspaceKinds.Find(slug)!;
        var query = ListQuery.Parse(kind, site: site, sort: sort, limit: 4, deleted: deleted);
        var seen = new List<long>();
        string? after = null;
        do
        {
            var page = Lists.Page(ListQuery.Parse(kind, site: site, sort: sort, after: after, limit: 4, deleted: deleted));
            Assert.True(page.Items.Count <= 4);
            seen.AddRange(page.Items.Select(i => i.Id));
            after = page.Next;
            Assert.True(seen.Count < 100, "paging does not end");
        }
        while (after is not null);

        var expected = Expected(kind, query);
        Assert.Equal(expected, seen);
        Assert.Equal(expected.Count, Lists.Page(query).Count);
    }

    [Fact]
    public void FiltersNarrowTheListAndItsCount()
    {
        var open = Lists.Page(ListQuery.Parse(WorkspaceKinds.WorkOrders, site: "s1", limit: 100));
        var all = Lists.Page(ListQuery.Parse(WorkspaceKinds.WorkOrders, site: "S1", open: false, limit: 100));
        var approved = Lists.Page(ListQuery.Parse(WorkspaceKinds.WorkOrders, status: "appr", limit: 100));
        var pumps = Lists.Page(ListQuery.Parse(WorkspaceKinds.Assets, q: "pump 1", limit: 100));

        Assert.All(open.Items, i => Assert.DoesNotContain(i.Values["status"], new[] { "COMP", "CLOSE", "CAN" }));
        Assert.Contains(all.Items, i => i.Values["status"] is "COMP");
        Assert.All(all.Items, i => Assert.Equal("S1", i.Values["siteid"]));
        Assert.Equal(all.Items.Count, all.Count);
        Assert.All(approved.Items, i => Assert.Equal("APPR", i.Values["status"]));
        Assert.Equal(2 * 3, approved.Count); // i % 5 == 1: three in each site
        Assert.All(pumps.Items, i => Assert.Equal("Pump 1", i.Values["description"]));
        Assert.Equal("status APPR", Lists.Page(ListQuery.Parse(WorkspaceKinds.Assets, status: "APPR")).Items[0].Values["status_description"]);
    }

    [Fact]
    public void DeletedRowsAreHiddenUnlessAskedForAndThenCarryTheirDeletionTime()
    {
        var live = Lists.Page(ListQuery.Parse(WorkspaceKinds.Assets, limit: 100));
        var withDeleted = Lists.Page(ListQuery.Parse(WorkspaceKinds.Assets, limit: 100, deleted: true));

        Assert.All(live.Items, i => Assert.Null(i.DeletedAt));
        Assert.Equal("2024-05-01T10:00:00Z", Assert.Single(withDeleted.Items, i => i.Id == 102).DeletedAt);
        Assert.Equal(live.Count + withDeleted.Items.Count(i => i.DeletedAt is not null), withDeleted.Count);
    }

    [Fact]
    public void AListByWordsShowsTheDeletedRowsWithThemWhenAskedFor()
    {
        var live = Lists.Page(ListQuery.Parse(WorkspaceKinds.Assets, q: "PUMP 1", sort: "-assetnum", limit: 100));
        var withDeleted = Lists.Page(ListQuery.Parse(WorkspaceKinds.Assets, q: "PUMP 1", sort: "-assetnum", limit: 100, deleted: true));

        var pumpOne = Ids("SELECT assetuid FROM asset WHERE description = 'Pump 1' ORDER BY assetnum DESC, assetuid DESC");
        var deleted = Ids("SELECT assetuid FROM asset WHERE description = 'Pump 1' AND deleted_at IS NOT NULL");
        Assert.NotEmpty(deleted);
        Assert.Equal(pumpOne.Except(deleted), live.Items.Select(i => i.Id));
        Assert.Equal(pumpOne, withDeleted.Items.Select(i => i.Id));
        Assert.Equal(pumpOne.Count, withDeleted.Count);
        Assert.All(withDeleted.Items, i => Assert.Equal(deleted.Contains(i.Id), i.DeletedAt is not null));
        // A deleted row must have every word: "pump 3" is in none.
        Assert.Empty(Lists.Page(ListQuery.Parse(WorkspaceKinds.Assets, q: "pump 3", deleted: true)).Items);
    }

    [Theory]
    [InlineData("assets", "a 1", "description")]
    [InlineData("assets", "pump", "-assetnum")]
    [InlineData("workorders", "a", "targstartdate")]
    [InlineData("locations", "1", "-description")]
    public void CommonWordsWalkingTheSortIndexGiveTheRowsAndCountOfRareWordsReadThroughTheFullTextIndex(string slug, string q, string sort)
    {
        var kind = WorkspaceKinds.Find(slug)!;
        var rare = Lists;
        var common = new WorkspaceLists(rows.Replica.Database) { CommonMatches = 1 };

        List<string> Pages(WorkspaceLists lists)
        {
            var pages = new List<string>();
            string? after = null;
            do
            {
                var page = lists.Page(ListQuery.Parse(kind, q: q, sort: sort, after: after, limit: 3, open: kind.HasOpenFilter ? false : null));
                pages.Add($"{string.Join(",", page.Items.Select(i => i.Id))} of {page.Count}");
                after = page.Next;
            }
            while (after is not null);
            return pages;
        }

        var expected = Pages(rare);
        Assert.DoesNotContain(" of 0", expected[0], StringComparison.Ordinal);
        Assert.Equal(expected, Pages(common));
    }

    [Fact]
    public void ACountIsExactUpToItsCapIncludedAndSaysSoPastIt()
    {
        var query = ListQuery.Parse(WorkspaceKinds.Assets, deleted: true);
        var rowCount = Expected(WorkspaceKinds.Assets, query).Count;
        using var connection = rows.Replica.Open();
        using var snapshot = connection.BeginTransaction(deferred: true);
        var reader = new ListReader(connection, snapshot, WorkspaceSql.For(rows.Replica.Database), query, trace: null);

        Assert.Equal((rowCount, true), reader.Count(rowCount));
        Assert.Equal((rowCount - 1L, false), reader.Count(rowCount - 1));
    }

    [Fact]
    public void AListByCommonWordsCountsItsMatchesExactlyUpToItsCapAndSaysSoPastIt()
    {
        var query = ListQuery.Parse(WorkspaceKinds.Assets, q: "pump");
        using var connection = rows.Replica.Open();
        long matches;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT COUNT(*) FROM asset_search WHERE asset_search MATCH '\"pump\"*'";
            matches = (long)command.ExecuteScalar()!;
        }

        using var snapshot = connection.BeginTransaction(deferred: true);
        var reader = new ListReader(connection, snapshot, WorkspaceSql.For(rows.Replica.Database), query, trace: null, commonMatches: 1);

        Assert.True(matches > 2, $"{matches} matches");
        Assert.Equal((matches, true), reader.Count((int)matches));
        Assert.Equal((matches - 1, false), reader.Count((int)matches - 1));
    }

    [Fact]
    public void ACursorWhoseTimeIsNotATimeIsRefusedOnEitherEngine()
    {
        var sort = ListQuery.Parse(WorkspaceKinds.WorkOrders, sort: "targstartdate").Sort;
        var tampered = new ListCursor("next tuesday", 5).Encode(sort);
        var made = new ListCursor("2024-05-01 10:00:00", 5).Encode(sort);

        var error = Assert.Throws<WorkspaceRequestException>(() => ListQuery.Parse(WorkspaceKinds.WorkOrders, sort: "targstartdate", after: tampered));

        Assert.Contains("its sort value is not a date", error.Message, StringComparison.Ordinal);
        Assert.Equal("2024-05-01 10:00:00", ListQuery.Parse(WorkspaceKinds.WorkOrders, sort: "targstartdate", after: made).After!.Value);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("eyJzIjoid29udW0ifQ")] // {"s":"wonum"}: fields missing
    [InlineData("WzEsMl0")] // [1,2]
    [InlineData("eyJzIjoid29udW0iLCJkIjpmYWxzZSwidiI6MTIsImsiOiJ4In0")] // a key that is not a number
    public void ACursorThatIsNotOneTheListGaveIsRefused(string after)
    {
        var error = Assert.Throws<WorkspaceRequestException>(() => ListQuery.Parse(WorkspaceKinds.WorkOrders, after: after));

        Assert.Equal(WorkspaceProblem.BadParameter, error.Problem);
        Assert.StartsWith("after:", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("start again from the first page.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Base-64", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ACursorOfAnotherSortIsRefusedAndOneOfAnotherValueTypeToo()
    {
        var next = Lists.Page(ListQuery.Parse(WorkspaceKinds.WorkOrders, sort: "wonum", limit: 2)).Next!;
        var number = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"s":"wopriority","d":false,"v":"high","k":3}""")).TrimEnd('=');

        Assert.Throws<WorkspaceRequestException>(() => ListQuery.Parse(WorkspaceKinds.WorkOrders, sort: "-wonum", after: next));
        Assert.Throws<WorkspaceRequestException>(() => ListQuery.Parse(WorkspaceKinds.WorkOrders, sort: "wopriority", after: number));
        Assert.NotNull(ListQuery.Parse(WorkspaceKinds.WorkOrders, sort: "wonum", after: next).After);
    }

    [Theory]
    [InlineData("sort", "description; DROP TABLE asset")]
    [InlineData("sort", "raw")]
    [InlineData("site", "KD FAC")]
    [InlineData("site", "TOOLONGSITE")]
    [InlineData("limit", "0")]
    [InlineData("limit", "100000")]
    [InlineData("status", "\u0007")]
    public void ABadParameterIsRefusedWithItsName(string name, string value)
    {
        var error = Assert.Throws<WorkspaceRequestException>(() => ListQuery.Parse(WorkspaceKinds.Assets,
            sort: name == "sort" ? value : null, site: name == "site" ? value : null, status: name == "status" ? value : null,
            limit: name == "limit" ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : null));

        Assert.StartsWith(name + ":", error.Message, StringComparison.Ordinal);
    }

    private List<long> Ids(string sql) => rows.Replica.Ids(sql);

    /// <summary>The same rows in the same order, asked of SQLite in one plain query.</summary>
    private List<long> Expected(WorkspaceKind kind, ListQuery query)
    {
        var direction = query.Sort.Descending ? "DESC" : "ASC";
        var where = (query.IncludeDeleted ? "1=1" : "deleted_at IS NULL") + (query.Site is null ? "" : $" AND siteid = '{query.Site}'")
            + (query.OpenOnly ? " AND (status IS NULL OR status NOT IN ('COMP', 'CLOSE', 'CAN'))" : "");
        return Ids($"SELECT {kind.Table.KeyColumn} FROM {kind.Table.Name} WHERE {where} " +
                   $"ORDER BY {query.Sort.Column} {direction}, {kind.Table.KeyColumn} {direction}");
    }
}
