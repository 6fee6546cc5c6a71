namespace MaximoOffline.Emulator.Data;

internal enum ChildAction
{
    Update,
    Insert,
    Delete,
}

// What a child change did: the row's id (null for rows without one), its position among the
// relation's rows and its new rowstamp (null for a delete).
internal sealed record ChildChange(long Parent, string Child, string Action, long? ChildId, int Position, long? Rowstamp);

// A control-API change the emulator will not make, with the status to answer.
internal sealed class ChangeRefused(string message, int status = 400) : Exception(message)
{
    public int Status => status;

    public static T Wrap<T>(Func<T> convert)
    {
        try
        {
            return convert();
        }
        catch (ArgumentException e)
        {
            throw new ChangeRefused(e.Message);
        }
    }
}
