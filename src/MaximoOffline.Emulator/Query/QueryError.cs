namespace MaximoOffline.Emulator.Query;

// A request Maximo would refuse: the status and reason code it answers with.
internal sealed class QueryError(int status, string reasonCode, string message) : Exception(message)
{
    public int Status => status;
    public string ReasonCode => reasonCode;

    public static QueryError Syntax(string detail) =>
        new(400, "BMXAA8744E", $"BMXAA8744E - The oslc.where or oslc.orderBy query parameter is not valid. {detail}");
}
