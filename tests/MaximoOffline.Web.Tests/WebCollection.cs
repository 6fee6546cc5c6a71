namespace MaximoOffline.Web.Tests;

/// <summary>
/// Web test classes run one after another: Hangfire keeps its storage in process-wide static state,
/// so two app instances alive in one process would enqueue into each other's job store.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WebCollection
{
    public const string Name = "web app";
}
