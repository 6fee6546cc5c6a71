using MaximoOffline.Emulator.Json;
using MaximoOffline.Emulator.Query;

namespace MaximoOffline.Emulator.Tests;

// The permutation behind --ignore-order and the byte-array rowstamp text.
public sealed class StorageOrderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(650)]
    [InlineData(4165)]
    public void StorageOrderServesEveryIndexOnceAndNotInIndexOrder(int count)
    {
        var order = Enumerable.Range(0, count).Select(p => StorageOrder.IndexAt(p, count)).ToList();

        Assert.Equal(Enumerable.Range(0, count), order.Order());
        if (count > 2)
        {
            Assert.NotEqual(Enumerable.Range(0, count), order);
        }
    }

    [Fact]
    public void ARangeInStorageOrderHoldsExactlyTheIndexesOfTheRange()
    {
        var range = StorageOrder.Between(100, 300, 650).ToList();

        Assert.Equal(Enumerable.Range(100, 200), range.Order());
        Assert.Equal(Enumerable.Range(0, 650).Select(p => StorageOrder.IndexAt(p, 650)).Where(i => i is >= 100 and < 300), range);
    }

    [Theory]
    [InlineData(1766420L, "[0 0 0 0 0 26 -12 20]")]
    [InlineData(752083881L, "[0 0 0 0 44 -45 -29 -87]")]
    [InlineData(0L, "[0 0 0 0 0 0 0 0]")]
    public void RowstampsReadAsByteArraysAndBack(long rowstamp, string text)
    {
        Assert.Equal(text, RowstampText.Format(rowstamp, RowstampFormat.Bytes));
        Assert.Equal(rowstamp, RowstampText.Parse(text));
        Assert.Equal(rowstamp, RowstampText.Parse(RowstampText.Format(rowstamp, RowstampFormat.Number)));
    }
}
