namespace MaximoOffline.Data.Workspace;

/// <summary>A workspace request that cannot be answered as asked; the message says why and what is accepted.</summary>
public sealed class WorkspaceRequestException : Exception
{
    public WorkspaceRequestException(string message, WorkspaceProblem problem) : base(message) => Problem = problem;

    public WorkspaceRequestException() { }

    public WorkspaceRequestException(string message) : base(message) { }

    public WorkspaceRequestException(string message, Exception inner) : base(message, inner) { }

    public WorkspaceProblem Problem { get; }

    public static WorkspaceRequestException BadParameter(string name, string message) =>
        new($"{name}: {message}", WorkspaceProblem.BadParameter);

    public static WorkspaceRequestException UnknownKind(string? kind) =>
        new($"There is no kind '{kind}'. Kinds: {string.Join(", ", WorkspaceKinds.All.Select(k => k.Slug))}.", WorkspaceProblem.UnknownKind);
}

public enum WorkspaceProblem
{
    /// <summary>A parameter is malformed or out of range (400).</summary>
    BadParameter,

    /// <summary>The kind in the route is not one of the six (404).</summary>
    UnknownKind,
}
