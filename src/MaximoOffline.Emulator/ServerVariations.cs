namespace MaximoOffline.Emulator;

// Where a fetchmodedelta answer's maxrowstamp header comes from: every record that matches, or only
// the page served. Real servers differ and nothing public says which is right.
public enum MaxRowstampScope
{
    Set,
    Page,
}

// A child name in oslc.select that the object structure does not have: skipped, or 400 BMXAA8744E.
public enum UnknownChildPolicy
{
    Ignore,
    Reject,
}

// _rowstamp as a decimal string ("752083881") or as the byte-array text some databases give
// ("[0 0 0 0 0 26 -12 20]", eight signed bytes, most significant first).
public enum RowstampFormat
{
    Number,
    Bytes,
}
