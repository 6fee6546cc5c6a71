using MaximoOffline.Data.Workspace;
using MaximoOffline.Web.Hosting;

namespace MaximoOffline.Web.Pages.Data;

/// <summary>
/// Why a workspace page cannot show what was asked (an unknown kind or record: 404; a bad parameter:
/// 400), said on the page itself with a way back, rather than as a bare status.
/// </summary>
public sealed record PageProblem(int Status, string Title, string Message, string BackUrl, string BackText)
{
    /// <summary>A refused request as the page says it: its status from the one mapping the API uses too (<see cref="Problems"/>).</summary>
    public static PageProblem Of(WorkspaceRequestException refused, string title, string backUrl, string backText)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return new PageProblem(Problems.From(refused)!.Status!.Value, title, refused.Message, backUrl, backText);
    }
}
