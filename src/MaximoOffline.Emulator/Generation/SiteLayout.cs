namespace MaximoOffline.Emulator.Generation;

// Records of the two sites are interleaved by index in fixed blocks (say 10 KDFAC then 3 LCVIRQ),
// so a record's site and its number within the site follow from its index alone, at any scale.
internal sealed record SiteLayout(string FirstSite, int FirstPerBlock, string SecondSite, int SecondPerBlock)
{
    public int BlockSize => FirstPerBlock + SecondPerBlock;

    public bool IsFirst(long index) => index % BlockSize < FirstPerBlock;

    public string SiteOf(long index) => IsFirst(index) ? FirstSite : SecondSite;

    // The record's number among the records of its own site.
    public long OrdinalOf(long index)
    {
        var block = index / BlockSize;
        var offset = index % BlockSize;
        return IsFirst(index) ? block * FirstPerBlock + offset : block * SecondPerBlock + offset - FirstPerBlock;
    }

    public long IndexOf(bool first, long ordinal) =>
        first
            ? ordinal / FirstPerBlock * BlockSize + ordinal % FirstPerBlock
            : ordinal / SecondPerBlock * BlockSize + FirstPerBlock + ordinal % SecondPerBlock;

    public int TotalFor(int blocks) => blocks * BlockSize;
}
