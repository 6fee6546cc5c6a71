namespace MaximoOffline.Web.Pages.Data;

/// <summary>
/// Why a workspace page cannot show what was asked (an unknown kind or record: 404; a bad parameter:
/// 400), said on the page itself with a way back, rather than as a bare status.
/// </summary>
public sealed record PageProblem(int Status, string Title, string Message, string BackUrl, string BackText);
