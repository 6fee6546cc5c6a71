using MaximoOffline.Emulator.Tests.Support;

namespace MaximoOffline.Emulator.Tests;

public sealed class MillionAssetsFixture : MaximoFixture
{
    protected override int Scale => 2000;
}

// Run alone: the allocation bound reads a process-wide counter that other test classes would inflate.
[CollectionDefinition(nameof(LargeScaleTests), DisableParallelization = true)]
public sealed class LargeScaleCollection;

// Scale 2000 (a million KDFAC assets) is served from lazily generated records: a keyset page costs
// the page, not the collection.
[Collection(nameof(LargeScaleTests))]
public sealed class LargeScaleTests(MillionAssetsFixture fixture) : IClassFixture<MillionAssetsFixture>
{
    private readonly MaximoHttp _http = fixture.Maximo;

    [Fact]
    public async Task KdfacHoldsAMillionAssets()
    {
        Assert.Equal(1_000_000, await _http.CountAsync("mxapiasset", "siteid=\"KDFAC\""));
    }

    [Fact]
    public async Task AKeysetPageDeepInAMillionAssetsIsServedWithoutMaterialisingTheCollection()
    {
        var last = (await _http.QueryAsync("mxapiasset", ("oslc.select", "assetuid"), ("oslc.orderBy", "-assetuid"), ("oslc.pageSize", "1")))["member"]![0]!
            .AsObject().Long("assetuid");
        var after = last - 20_000;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var page = await _http.QueryAsync("mxapiasset",
            ("oslc.select", "*,assetmeter{*},assetspec{*},doclinks{*}"),
            ("oslc.where", $"siteid=\"KDFAC\" and assetuid>{after}"),
            ("oslc.orderBy", "+assetuid"),
            ("oslc.pageSize", "500"));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var ids = page["member"]!.AsArray().Select(m => m!.AsObject().Long("assetuid")).ToList();
        Assert.Equal(500, ids.Count);
        Assert.All(ids, id => Assert.True(id > after));
        Assert.Equal(ids.Order(), ids);
        Assert.True(allocated < 256L * 1024 * 1024, $"allocated {allocated / 1_048_576} MiB for one page");
    }

    [Fact]
    public async Task ARowstampDeltaOverAMillionAssetsWithNoChangesIsEmpty()
    {
        var highest = (await _http.QueryAsync("mxapiasset", ("oslc.select", "_rowstamp"), ("oslc.orderBy", "-assetuid"), ("oslc.pageSize", "1")))["member"]![0]!
            .AsObject().Text("_rowstamp")!;

        var delta = await _http.QueryAsync("mxapiasset", ("fetchmodedelta", "1"), ("lastfetchts", highest), ("oslc.select", "assetuid"));

        Assert.Empty(delta["member"]!.AsArray());
    }
}
